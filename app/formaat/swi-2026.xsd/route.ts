import fs from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-static";

export async function GET() {
  const xsd = await fs.readFile(path.join(process.cwd(), "lib/swi/schema/swi-2026.xsd"));
  return new Response(xsd, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": 'attachment; filename="swi-2026.xsd"',
    },
  });
}
