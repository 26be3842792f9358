import Link from "next/link";
import { headers } from "next/headers";
import { vereisCbs } from "@/lib/auth/actor";
import { schrijfAudit } from "@/lib/audit";
import { kwartaalUitParam } from "@/lib/beheer/kwartaalkeuze";
import { startLandelijkeControleActie } from "@/lib/beheer/landelijke-controle-acties";
import {
  isBezig,
  laatsteLandelijkeControle,
  leesbareUitkomst,
  type ControleRun,
  type Uitkomst,
} from "@/lib/beheer/landelijke-controle-taak";
import { pagina } from "@/lib/paginering";
import { isPrefetch } from "@/lib/prefetch";
import { aantal, getal, momentLang } from "@/lib/swi/opmaak";
import { BeheerKop } from "@/app/components/Kop";
import { Kwartaalveld } from "@/app/components/Kwartaalveld";
import { Formulier } from "@/app/components/Formulier";
import { Paginering } from "@/app/components/Paginering";
import { Tabel } from "@/app/components/Tabel";
import { VerversTerwijlBezig } from "@/app/components/VerversTerwijlBezig";

export const metadata = { title: "Landelijke controles" };

const PER_PAGINA = 100;
const LIJSTEN = {
  dubbel: "Dubbel geleverd",
  verdwenen: "Na verhuizing verdwenen",
} as const;
type Lijst = keyof typeof LIJSTEN;

export default async function LandelijkeControles({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const p = await searchParams;
  const { jaar, kwartaal } = kwartaalUitParam(p.kwartaal);
  const lijst: Lijst = p.lijst === "verdwenen" ? "verdwenen" : "dubbel";
  const run = await laatsteLandelijkeControle(actor, jaar, kwartaal);
  const gelezen = run?.leesbaar ? await leesbareUitkomst(actor, jaar, kwartaal) : null;
  const rijen = gelezen ? gelezen.uitkomst[lijst] : [];
  const blad = pagina(rijen.length, p.pagina, PER_PAGINA);
  const opBlad = rijen.slice(blad.van, blad.tot);
  // BSN-level data is on screen now: who saw which page of which list is recorded. A prefetch of
  // this URL shows nobody anything and records nothing.
  if (gelezen && opBlad.length > 0 && !isPrefetch(await headers())) {
    await schrijfAudit({
      actor,
      actie: "bekijk.landelijke-controle",
      doelType: "LandelijkeControle",
      doelId: gelezen.run.id,
      details: { jaar, kwartaal, lijst, pagina: blad.nummer, rijen: opBlad.length },
    });
  }
  const zoek = (extra: Record<string, string>) =>
    `/beheer/landelijke-controles?${new URLSearchParams({ kwartaal: `${jaar}-${kwartaal}`, ...extra })}`;

  return (
    <div>
      <BeheerKop titel="Landelijke controles" />
      <VerversTerwijlBezig bezig={isBezig(run)} />
      <div className="mb-6 max-w-3xl">
        <p className="mb-2">
          Controles over gemeenten heen, op de BSN&apos;s van de geaccepteerde leveringen van één kwartaal:
        </p>
        <ul className="ml-6 list-disc">
          <li>
            <strong>{LIJSTEN.dubbel}:</strong> een BSN dat door twee of meer gemeenten is geleverd, zonder dat één van
            hen een verhuizing (EindeBegeleidingReden 1) meldt.
          </li>
          <li>
            <strong>{LIJSTEN.verdwenen}:</strong> een persoon die met reden 1 (verhuizing) uit een gemeente vertrok en
            die in het volgende kwartaal door geen andere gemeente is geleverd.
          </li>
        </ul>
        <p className="mt-2 border-l-8 border-oranje bg-grijs-1 p-3">
          Deze lijsten bevatten BSN&apos;s. Bekijken en downloaden wordt vastgelegd in het auditlog. Deel ze nooit met
          een berichtgever van een andere gemeente. De uitkomst wordt 14 dagen bewaard.
        </p>
      </div>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        <Kwartaalveld jaar={jaar} kwartaal={kwartaal} />
        <button type="submit" className="knop-secundair">
          Kwartaal tonen
        </button>
      </form>

      <section aria-labelledby="samenvatting-titel" className="mb-8">
        <h2 id="samenvatting-titel" className="mb-3 text-2xl font-semibold">
          {jaar} kwartaal {kwartaal}
        </h2>
        <div data-testid="controle-stand" data-controle={run?.id ?? ""} data-status={run?.status ?? ""}>
          <Stand run={run} />
        </div>
        {!isBezig(run) && (
          <div className="mt-4">
            <Formulier
              actie={startLandelijkeControleActie}
              knop={run ? "Controles opnieuw uitvoeren" : "Controles uitvoeren"}
              knopStijl={run?.status === "KLAAR" ? "knop-secundair" : "knop"}
              verborgen={{ kwartaal: `${jaar}-${kwartaal}` }}
            />
            <p className="mt-2 text-grijs-5">
              Alle bestanden van het kwartaal en het volgende worden opnieuw gelezen; dat gebeurt op de achtergrond en
              kan enkele minuten duren. U kunt deze pagina intussen verlaten.
            </p>
          </div>
        )}
      </section>

      {gelezen && (
        <section aria-labelledby="lijst-titel">
          <h2 id="lijst-titel" className="sr-only">
            Bevindingen
          </h2>
          <nav aria-label="Lijsten" className="mb-4 flex flex-wrap gap-4 border-b-2 border-grijs-2">
            {(Object.keys(LIJSTEN) as Lijst[]).map((l) => (
              <Link
                key={l}
                prefetch={false}
                href={zoek({ lijst: l })}
                aria-current={l === lijst ? "page" : undefined}
                className={`-mb-0.5 px-2 py-2 ${l === lijst ? "border-b-4 border-hemel-donker font-semibold" : "underline"}`}
              >
                {LIJSTEN[l]} ({getal(gelezen.uitkomst[l].length)})
              </Link>
            ))}
          </nav>
          <Bevindingen lijst={lijst} uitkomst={gelezen.uitkomst} van={blad.van} tot={blad.tot} />
          <Paginering
            p={blad}
            label={`Pagina's van ${LIJSTEN[lijst].toLowerCase()}`}
            href={(n) => zoek({ lijst, pagina: String(n) })}
          />
          <p className="mt-6">
            {/* A plain link: Next's <Link> prefetches route handlers, which would export (and audit) unasked. */}
            <a
              href={`/beheer/landelijke-controles/export?kwartaal=${jaar}-${kwartaal}`}
              className="knop-secundair"
              download
            >
              Beide lijsten downloaden als CSV
            </a>
          </p>
        </section>
      )}
    </div>
  );
}

function Stand({ run }: { run: ControleRun | null }) {
  if (!run) return <p>Voor dit kwartaal zijn de controles nog niet uitgevoerd.</p>;
  const door = `door ${run.aangevraagdDoor}`;
  switch (run.status) {
    case "WACHT":
    case "BEZIG":
      return (
        <p role="status" className="border-l-8 border-hemel-donker bg-grijs-1 p-3">
          <strong>De controles lopen.</strong> Gestart op {momentLang(run.aangevraagdOp)} {door}. Deze pagina ververst
          vanzelf; de uitkomst verschijnt hier zodra ze klaar zijn.
        </p>
      );
    case "MISLUKT":
    case "AFGEBROKEN":
      return (
        <p role="status" className="border-l-8 border-rood bg-grijs-1 p-3">
          <strong>De controles zijn niet afgemaakt.</strong>{" "}
          {run.melding ?? "Ze zijn onderbroken voordat ze klaar waren. Voer ze opnieuw uit."} (Gestart op{" "}
          {momentLang(run.aangevraagdOp)} {door}.)
        </p>
      );
    case "KLAAR": {
      const s = run.samenvatting!;
      return (
        <div role="status">
          <p>
            Uitgevoerd op {momentLang(run.klaarOp ?? run.aangevraagdOp)} {door}. Gelezen:{" "}
            {aantal(s.gelezen, "levering", "leveringen")} van {run.jaar} kwartaal {run.kwartaal} en{" "}
            {getal(s.gelezenVolgend)} van {s.volgend.jaar} kwartaal {s.volgend.kwartaal}. Gevonden:{" "}
            {aantal(s.dubbel, "dubbel geleverd BSN", "dubbel geleverde BSN's")} en{" "}
            {aantal(s.verdwenen, "persoon", "personen")} na verhuizing verdwenen.{" "}
            {!s.volgendCompleet && (
              <strong>
                De aanleverperiode van {s.volgend.jaar} kwartaal {s.volgend.kwartaal} liep toen nog: &quot;na verhuizing
                verdwenen&quot; is voorlopig.
              </strong>
            )}
          </p>
          {run.leesbaar && run.verlooptOp && (
            <p className="mt-2">De uitkomst wordt bewaard tot {momentLang(run.verlooptOp)}.</p>
          )}
          {run.verwijderdOp && (
            <p className="mt-2">
              De lijsten met BSN&apos;s zijn op {momentLang(run.verwijderdOp)} verwijderd (bewaartermijn van 14 dagen).
              Voer de controles opnieuw uit om ze weer te zien.
            </p>
          )}
          {s.nietGelezen.length > 0 && (
            <details className="mt-3">
              <summary className="cursor-pointer font-semibold text-hemel-donker">
                {aantal(s.nietGelezen.length, "levering", "leveringen")} {s.nietGelezen.length === 1 ? "kon" : "konden"}{" "}
                niet worden gelezen
              </summary>
              <ul className="ml-6 mt-2 list-disc">
                {s.nietGelezen.map((n) => (
                  <li key={`${n.jaar}-${n.kwartaal}-${n.berichtgeverCode}-${n.gemeentecode}-${n.bestandsnaam}`}>
                    {n.jaar} K{n.kwartaal}, gemeente {n.gemeentecode} (berichtgever {n.berichtgeverCode}),{" "}
                    {n.bestandsnaam}: {n.reden}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      );
    }
  }
}

function Bevindingen({ lijst, uitkomst, van, tot }: { lijst: Lijst; uitkomst: Uitkomst; van: number; tot: number }) {
  if (lijst === "dubbel") {
    if (uitkomst.dubbel.length === 0)
      return <p>Geen BSN&apos;s gevonden die door meer gemeenten zijn geleverd zonder verhuizing.</p>;
    return (
      <Tabel
        bijschrift="BSN's die door meer gemeenten zijn geleverd zonder verhuizing"
        label="BSN's die door meer gemeenten zijn geleverd zonder verhuizing"
        rijen={uitkomst.dubbel.slice(van, tot)}
        sleutel={(d) => d.bsn}
        kolommen={[
          { kop: "BSN", cel: (d) => d.bsn, className: "font-mono" },
          {
            kop: "Geleverd door",
            cel: (d) =>
              d.gemeenten
                .map(
                  (g) =>
                    `gemeente ${g.gemeentecode} (berichtgever ${g.berichtgeverCode})${g.verhuisd ? ", verhuisd" : ""}`,
                )
                .join("; "),
          },
        ]}
      />
    );
  }
  if (uitkomst.verdwenen.length === 0)
    return (
      <p>Iedereen die met een verhuizing vertrok, is in het volgende kwartaal door een andere gemeente geleverd.</p>
    );
  return (
    <Tabel
      bijschrift="Personen die na een verhuizing door geen andere gemeente zijn geleverd"
      label="Personen die na een verhuizing door geen andere gemeente zijn geleverd"
      rijen={uitkomst.verdwenen.slice(van, tot)}
      sleutel={(v) => `${v.bsn}-${v.gemeentecode}`}
      kolommen={[
        { kop: "BSN", cel: (v) => v.bsn, className: "font-mono" },
        { kop: "Vertrokken uit gemeente", cel: (v) => v.gemeentecode },
        { kop: "Berichtgever", cel: (v) => v.berichtgeverCode },
      ]}
    />
  );
}
