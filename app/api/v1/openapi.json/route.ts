import { OPENAPI_DOCUMENT } from "@/lib/api-v1/openapi";

// Public on purpose: vendors read it before they have a token.
export const dynamic = "force-static";

export function GET() {
  return Response.json(OPENAPI_DOCUMENT, { headers: { "Cache-Control": "public, max-age=300" } });
}
