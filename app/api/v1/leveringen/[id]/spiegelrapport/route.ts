import { route } from "@/lib/http/route";
import { spiegelrapportJson } from "@/lib/api-v1/leveringen";
import { leveringParams } from "@/lib/api-v1/parameters";

export const dynamic = "force-dynamic";

export const GET = route({ toegang: "token", vorm: "json", params: leveringParams }, async ({ actor, params }) =>
  spiegelrapportJson(actor, params.id),
);
