import { json } from "@/lib/api-v1/antwoord";
import { v1Route } from "@/lib/api-v1/auth";
import { leveringStatusJson } from "@/lib/api-v1/leveringen";
import { leveringParams } from "@/lib/api-v1/parameters";

export const dynamic = "force-dynamic";

export const GET = v1Route(leveringParams, async ({ actor, params, req }) => {
  const pagina = Number.parseInt(new URL(req.url).searchParams.get("foutenPagina") ?? "1", 10);
  return json(await leveringStatusJson(actor, params.id, Number.isInteger(pagina) ? pagina : 1));
});
