import { json } from "@/lib/api-v1/antwoord";
import { v1Route } from "@/lib/api-v1/auth";
import { spiegelrapportJson } from "@/lib/api-v1/leveringen";
import { leveringParams } from "@/lib/api-v1/parameters";

export const dynamic = "force-dynamic";

export const GET = v1Route(leveringParams, async ({ actor, params }) =>
  json(await spiegelrapportJson(actor, params.id)),
);
