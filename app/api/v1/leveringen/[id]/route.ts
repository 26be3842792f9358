import { route } from "@/lib/http/route";
import { leveringStatusJson } from "@/lib/api-v1/leveringen";
import { leveringParams } from "@/lib/api-v1/parameters";

export const dynamic = "force-dynamic";

export const GET = route({ toegang: "token", vorm: "json", params: leveringParams }, async ({ actor, params, req }) => {
  const pagina = Number.parseInt(new URL(req.url).searchParams.get("foutenPagina") ?? "1", 10);
  return leveringStatusJson(actor, params.id, Number.isInteger(pagina) ? pagina : 1);
});
