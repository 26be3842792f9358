import { route } from "@/lib/http/route";
import { leveringParams } from "@/lib/api-v1/parameters";
import { signaleringslijstCsv } from "@/lib/api-v1/signaleringslijst";

export const dynamic = "force-dynamic";

export const GET = route({ toegang: "token", vorm: "json", params: leveringParams }, ({ actor, params }) =>
  signaleringslijstCsv(actor, params.id),
);
