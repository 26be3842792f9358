import Link from "next/link";
import type { SignaalWeergave, SignalenPagina } from "@/lib/leveringen/signalen";
import { beantwoordSignaalActie, uploadReactiesActie } from "@/lib/leveringen/signalen-acties";
import { REACTIE_TEKST } from "@/lib/swi/signaalsleutel";
import { Bestandsveld, Formulier, Keuzeveld, Tekstvak } from "@/app/components/Formulier";
import { Sectie } from "@/app/components/Sectie";
import { Tabel } from "@/app/components/Tabel";
import { aantal, getal, moment } from "@/lib/swi/opmaak";

const REACTIE_OPTIES = [
  { waarde: "KLOPT", tekst: "Klopt (leg uit waarom)" },
  { waarde: "WORDT_HERSTELD", tekst: "Wordt hersteld in de volgende levering" },
  { waarde: "VRAAG", tekst: "Vraag aan het CBS" },
];

function VorigKwartaal({ s }: { s: SignaalWeergave }) {
  if (!s.vorigKwartaal) return <span className="text-grijs-5">nieuw</span>;
  if (s.gemarkeerd)
    return (
      <strong className="text-rood" data-gemarkeerd="ja">
        Ook vorig kwartaal; toen &lsquo;wordt hersteld&rsquo;, maar niet hersteld
      </strong>
    );
  return <>Ook vorig kwartaal{s.vorigeReactie ? `; toen: ${REACTIE_TEKST[s.vorigeReactie]}` : ""}</>;
}

function Reactie({ s, magBeantwoorden }: { s: SignaalWeergave; magBeantwoorden: boolean }) {
  return (
    <div className="min-w-[16rem]">
      {s.reactie ? (
        <p data-reactie={s.reactie}>
          <strong>{REACTIE_TEKST[s.reactie]}</strong>
          {s.reactieOp && (
            <span className="text-grijs-5">
              {" "}
              ({s.reactieDoor}, {moment(s.reactieOp)})
            </span>
          )}
          {s.toelichting && <span className="block whitespace-pre-wrap">{s.toelichting}</span>}
        </p>
      ) : (
        <p className="text-grijs-5">Nog geen reactie</p>
      )}
      {s.antwoord && (
        <p className="mt-2 border-l-4 border-hemel-donker pl-2" data-testid="cbs-antwoord">
          <strong>Antwoord van het CBS</strong>
          {s.antwoordOp && <span className="text-grijs-5"> ({moment(s.antwoordOp)})</span>}
          <span className="block whitespace-pre-wrap">{s.antwoord}</span>
        </p>
      )}
      {s.geslotenOp && <p className="text-grijs-5">Gesloten door het CBS op {moment(s.geslotenOp)}</p>}
      {magBeantwoorden && (
        <details className="mt-2">
          <summary className="cursor-pointer text-hemel-donker">
            {s.reactie ? "Reactie wijzigen" : "Reageren"}
            <span className="sr-only"> op signaal {s.volgnummer}</span>
          </summary>
          <div className="mt-2">
            <Formulier
              actie={beantwoordSignaalActie}
              knop="Reactie opslaan"
              voorvoegsel={`signaal-${s.volgnummer}`}
              verborgen={{ signaalId: s.id }}
              className=""
            >
              <Keuzeveld naam="reactie" label="Reactie" opties={REACTIE_OPTIES} standaard={s.reactie ?? "KLOPT"} />
              <Tekstvak
                naam="toelichting"
                label="Toelichting of vraag"
                hint="Nodig bij 'klopt' en bij een vraag."
                standaard={s.toelichting ?? ""}
              />
            </Formulier>
          </div>
        </details>
      )}
    </div>
  );
}

export function Signalen({
  p,
  pad,
  leveringId,
  magBeantwoorden,
}: {
  p: SignalenPagina;
  pad: string;
  leveringId: string;
  magBeantwoorden: boolean;
}) {
  return (
    <Sectie id="signalen" titel="Signalen beantwoorden">
      <p className="mb-3 max-w-3xl">
        Geef per signaal aan of het <strong>klopt</strong> (met uitleg), of het <strong>wordt hersteld</strong> in de
        volgende levering, of stel het CBS een <strong>vraag</strong>. Een signaal dat klopt, komt in latere kwartalen
        niet terug zolang persoon, regel en waarden gelijk blijven. Het nummer is de rij op het blad Signalen van het
        Excel-bestand (en de kolom Nr); BSN&apos;s staan alleen in de download.
      </p>
      <p className="mb-3" data-testid="signalen-stand">
        {aantal(p.beantwoord, "signaal", "signalen")} van {getal(p.totaal)} beantwoord.
      </p>
      {magBeantwoorden && (
        <details className="mb-4 max-w-3xl">
          <summary className="cursor-pointer text-hemel-donker">Reacties invullen in Excel en uploaden</summary>
          <div className="mt-2">
            <p className="mb-3">
              Vul in het gedownloade Excel-bestand op het blad Signalen de kolommen Reactie en Toelichting reactie in en
              upload het hier. Het bestand wordt alleen gelezen, niet bewaard. Bevat het een fout, dan wordt niets
              opgeslagen.
            </p>
            <Formulier
              actie={uploadReactiesActie}
              knop="Reacties uploaden"
              voorvoegsel="reactiebestand"
              verborgen={{ leveringId }}
              className=""
            >
              <Bestandsveld
                naam="bestand"
                label="Ingevulde signaleringslijst (XLSX, hoogstens 1 MB)"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              />
            </Formulier>
          </div>
        </details>
      )}
      {!magBeantwoorden && (
        <p className="mb-3 max-w-3xl">Alleen de contactpersoon van de berichtgever kan signalen beantwoorden.</p>
      )}
      <Tabel
        bijschrift="Signalen van deze levering"
        rijen={p.signalen}
        sleutel={(s) => s.id}
        kolommen={[
          { kop: "Nr", cel: (s) => <span data-nr={s.volgnummer}>{s.volgnummer}</span> },
          {
            kop: "Regel",
            cel: (s) => (
              <>
                <strong>{s.regel}</strong> {s.omschrijvingRegel}
                <span className="block text-grijs-5">{s.ernst}</span>
              </>
            ),
          },
          {
            kop: "Signaal",
            cel: (s) =>
              s.bericht ? (
                <>
                  <span className="block">{s.bericht}</span>
                  <span className="block text-grijs-5">
                    Kenmerk(en) {s.kenmerken}: {s.waarden}
                  </span>
                </>
              ) : (
                <span className="text-grijs-5">Verwijderd met de lijst</span>
              ),
          },
          { kop: "Vorig kwartaal", cel: (s) => <VorigKwartaal s={s} /> },
          { kop: "Reactie", cel: (s) => <Reactie s={s} magBeantwoorden={magBeantwoorden} /> },
        ]}
      />
      {p.paginas > 1 && (
        <nav aria-label="Pagina's met signalen" className="mt-4 flex flex-wrap gap-4">
          {p.pagina > 1 && (
            <Link href={`${pad}?pagina=${p.pagina - 1}#signalen-titel`} prefetch={false}>
              Vorige {getal(50)}
            </Link>
          )}
          <span>
            Pagina {getal(p.pagina)} van {getal(p.paginas)}
          </span>
          {p.pagina < p.paginas && (
            <Link href={`${pad}?pagina=${p.pagina + 1}#signalen-titel`} prefetch={false}>
              Volgende {getal(50)}
            </Link>
          )}
        </nav>
      )}
    </Sectie>
  );
}
