import { getDb } from "@/lib/db/client";
import { csvTekst } from "@/lib/swi/tabel";
import { schrijfAudit } from "@/lib/audit";
import { cbsRoute, csvAntwoord } from "@/lib/beheer/route";
import { landelijkeControle } from "@/lib/beheer/landelijke-controles";
import { kwartaalUitParam } from "@/lib/beheer/kwartaalkeuze";

/** The national checks' findings as CSV: BSN-level, so every download is audit-logged. */
export const GET = cbsRoute(async ({ actor, req, herkomst }) => {
  const { jaar, kwartaal } = kwartaalUitParam(new URL(req.url).searchParams.get("kwartaal"));
  const r = await landelijkeControle(getDb(), jaar, kwartaal);
  const rijen: string[][] = [
    ...r.dubbel.flatMap((d) =>
      d.gemeenten.map((g) => ["dubbel", d.bsn, g.gemeentecode, g.berichtgeverCode, g.verhuisd ? "ja" : "nee"]),
    ),
    ...r.verdwenen.map((v) => ["verdwenen", v.bsn, v.gemeentecode, v.berichtgeverCode, "ja"]),
  ];
  await schrijfAudit({
    actor,
    actie: "download.landelijke-controle",
    details: { jaar, kwartaal, dubbel: r.dubbel.length, verdwenen: r.verdwenen.length },
    ...herkomst,
  });
  // BSNs as text (a leading zero must survive Excel): the column is quoted.
  const csv = csvTekst([["controle", "bsn", "gemeentecode", "berichtgevercode", "verhuisd"], ...rijen], {
    aanhalen: /^\d{9}$/,
  });
  return csvAntwoord(csv, `swi-landelijke-controles-${jaar}-k${kwartaal}.csv`);
});
