import { XSD_BESTANDSNAAM, leesXsd } from "@/lib/swi/schema";

// The engine's own XSD (lib/swi/schema), the same file its validation uses; read at build time.
export const dynamic = "force-static";

export function GET() {
  return new Response(leesXsd(), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${XSD_BESTANDSNAAM}"`,
    },
  });
}
