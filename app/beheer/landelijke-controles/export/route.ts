import { csvTekst } from "@/lib/swi/tabel";
import { schrijfAudit } from "@/lib/audit";
import { csvBijlage } from "@/lib/http/antwoord";
import { route } from "@/lib/http/route";
import { leesbareUitkomst } from "@/lib/beheer/landelijke-controle-taak";
import { kwartaalUitParam } from "@/lib/beheer/kwartaalkeuze";

/** The stored findings of the quarter's newest national checks run as CSV: BSN-level, so audited. */
export const GET = route({ toegang: "cbs", vorm: "tekst" }, async ({ actor, req, herkomst }) => {
  const { jaar, kwartaal } = kwartaalUitParam(new URL(req.url).searchParams.get("kwartaal"));
  const { run, uitkomst } = await leesbareUitkomst(actor, jaar, kwartaal);
  const rijen: string[][] = [
    ...uitkomst.dubbel.flatMap((d) =>
      d.gemeenten.map((g) => ["dubbel", d.bsn, g.gemeentecode, g.berichtgeverCode, g.verhuisd ? "ja" : "nee"]),
    ),
    ...uitkomst.verdwenen.map((v) => ["verdwenen", v.bsn, v.gemeentecode, v.berichtgeverCode, "ja"]),
  ];
  await schrijfAudit({
    actor,
    actie: "download.landelijke-controle",
    doelType: "LandelijkeControle",
    doelId: run.id,
    details: { jaar, kwartaal, dubbel: uitkomst.dubbel.length, verdwenen: uitkomst.verdwenen.length },
    ...herkomst,
  });
  // BSNs as text (a leading zero must survive Excel): the column is quoted.
  const csv = csvTekst([["controle", "bsn", "gemeentecode", "berichtgevercode", "verhuisd"], ...rijen], {
    aanhalen: /^\d{9}$/,
  });
  return csvBijlage(csv, `swi-landelijke-controles-${jaar}-k${kwartaal}.csv`);
});
