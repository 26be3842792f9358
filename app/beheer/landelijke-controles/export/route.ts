import { csvTekst } from "@/lib/swi/tabel";
import { schrijfAudit } from "@/lib/audit";
import { csvBijlage } from "@/lib/http/antwoord";
import { route } from "@/lib/http/route";
import { landelijkeControle } from "@/lib/beheer/landelijke-controles";
import { kwartaalUitParam } from "@/lib/beheer/kwartaalkeuze";

/** The national checks' findings as CSV: BSN-level, so every download is audit-logged. */
export const GET = route({ toegang: "cbs", vorm: "tekst" }, async ({ actor, req, herkomst }) => {
  const { jaar, kwartaal } = kwartaalUitParam(new URL(req.url).searchParams.get("kwartaal"));
  const r = await landelijkeControle(actor, jaar, kwartaal);
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
  return csvBijlage(csv, `swi-landelijke-controles-${jaar}-k${kwartaal}.csv`);
});
