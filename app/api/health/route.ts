import { databaseGezond } from "@/lib/storing";

export const dynamic = "force-dynamic";

export async function GET() {
  return (await databaseGezond())
    ? Response.json({ status: "ok" })
    : Response.json({ status: "database onbereikbaar" }, { status: 503 });
}
