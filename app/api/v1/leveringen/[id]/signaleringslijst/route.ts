import { v1Route } from "@/lib/api-v1/auth";
import { leveringParams } from "@/lib/api-v1/parameters";
import { signaleringslijstCsv } from "@/lib/api-v1/signaleringslijst";

export const dynamic = "force-dynamic";

export const GET = v1Route(leveringParams, ({ actor, params }) => signaleringslijstCsv(actor, params.id));
