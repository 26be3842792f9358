import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { overzichtFilterSchema, signaalOverzicht, type Telling } from "@/lib/leveringen/signalen";
import { beantwoordVraagActie } from "@/lib/leveringen/signalen-acties";
import { REACTIE_TEKST } from "@/lib/swi/signaalsleutel";
import { BeheerKop } from "@/app/components/Kop";
import { Formulier, Tekstvak, Vinkje } from "@/app/components/Formulier";
import { Sectie } from "@/app/components/Sectie";
import { Tabel } from "@/app/components/Tabel";
import { getal, moment } from "@/lib/swi/opmaak";

export const metadata = { title: "Reacties op signalen" };

function Tellingen({
  titel,
  kop,
  rijen,
  filter,
}: {
  titel: string;
  kop: string;
  rijen: Telling[];
  filter: (t: Telling) => string;
}) {
  return rijen.length === 0 ? (
    <p>Nog geen reacties.</p>
  ) : (
    <Tabel
      bijschrift={titel}
      rijen={rijen}
      sleutel={(t) => t.sleutel}
      kolommen={[
        { kop, cel: (t) => <Link href={filter(t)}>{t.label}</Link> },
        { kop: "Klopt", cel: (t) => getal(t.KLOPT), className: "text-right" },
        { kop: "Wordt hersteld", cel: (t) => getal(t.WORDT_HERSTELD), className: "text-right" },
        { kop: "Vragen", cel: (t) => getal(t.VRAAG), className: "text-right" },
        { kop: "Open vragen", cel: (t) => getal(t.open), className: "text-right" },
      ]}
    />
  );
}

export default async function ReactiesOpSignalen({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const filter = overzichtFilterSchema.parse(await searchParams);
  const o = await signaalOverzicht(actor, filter);
  const gefilterd = o.filter.berichtgever || o.filter.regel || o.filter.open;

  return (
    <div>
      <BeheerKop
        titel="Reacties op signalen"
        ondertitel="Wat berichtgevers op de signalen van hun signaleringslijsten antwoorden: klopt, wordt hersteld, of een vraag aan het CBS."
      />

      <Sectie id="per-berichtgever" titel="Per berichtgever">
        <Tellingen
          titel="Reacties per berichtgever"
          kop="Berichtgever"
          rijen={o.perBerichtgever}
          filter={(t) => `/beheer/signalen?berichtgever=${t.sleutel}`}
        />
      </Sectie>

      <Sectie id="per-regel" titel="Per regel">
        <Tellingen
          titel="Reacties per regel"
          kop="Regel"
          rijen={o.perRegel}
          filter={(t) => `/beheer/signalen?regel=${t.sleutel}`}
        />
      </Sectie>

      <Sectie id="reacties" titel="Reacties">
        <p className="mb-3 flex flex-wrap gap-4">
          <Link href="/beheer/signalen?open=1">Alleen open vragen</Link>
          {gefilterd && <Link href="/beheer/signalen">Alle reacties</Link>}
        </p>
        {gefilterd && (
          <p className="mb-3" data-testid="filter">
            Gefilterd op{" "}
            {[
              o.filter.berichtgever && `berichtgever ${o.filter.berichtgever}`,
              o.filter.regel && `regel ${o.filter.regel}`,
              o.filter.open && "open vragen",
            ]
              .filter(Boolean)
              .join(", ")}
            .
          </p>
        )}
        {o.reacties.length === 0 ? (
          <p>Geen reacties.</p>
        ) : (
          <Tabel
            bijschrift="Reacties op signalen, nieuwste eerst"
            rijen={o.reacties}
            sleutel={(r) => r.id}
            kolommen={[
              {
                kop: "Berichtgever",
                cel: (r) => (
                  <Link href={`/beheer/berichtgevers/${r.berichtgever.code}`}>
                    {r.berichtgever.code} {r.berichtgever.naam}
                  </Link>
                ),
              },
              {
                kop: "Signaal",
                cel: (r) => (
                  <>
                    <Link href={`/berichtgever/${r.berichtgever.code}/leveringen/${r.levering.id}/signaleringslijst`}>
                      {r.levering.bestandsnaam}
                    </Link>
                    , nr {r.volgnummer}: <strong>{r.regel}</strong> {r.omschrijvingRegel}
                    {r.bericht && <span className="block text-grijs-5">{r.bericht}</span>}
                  </>
                ),
              },
              {
                kop: "Reactie",
                cel: (r) =>
                  r.reactie && (
                    <div data-reactie={r.reactie}>
                      <strong>{REACTIE_TEKST[r.reactie]}</strong>
                      {r.reactieOp && (
                        <span className="text-grijs-5">
                          {" "}
                          ({r.reactieDoor}, {moment(r.reactieOp)})
                        </span>
                      )}
                      {r.toelichting && <span className="block whitespace-pre-wrap">{r.toelichting}</span>}
                    </div>
                  ),
              },
              {
                kop: "Antwoord van het CBS",
                cel: (r) => (
                  <div className="min-w-[16rem]">
                    {r.antwoord && <p className="whitespace-pre-wrap">{r.antwoord}</p>}
                    {r.geslotenOp ? (
                      <p className="text-grijs-5">Gesloten op {moment(r.geslotenOp)}</p>
                    ) : (
                      <details>
                        <summary className="cursor-pointer text-hemel-donker">
                          {r.reactie === "VRAAG" ? "Beantwoorden" : "Reageren of sluiten"}
                          <span className="sr-only">
                            {" "}
                            signaal {r.volgnummer} van {r.levering.bestandsnaam}
                          </span>
                        </summary>
                        <div className="mt-2">
                          <Formulier
                            actie={beantwoordVraagActie}
                            knop="Opslaan"
                            voorvoegsel={`antwoord-${r.id}`}
                            verborgen={{ signaalId: r.id }}
                            className=""
                          >
                            <Tekstvak naam="antwoord" label="Antwoord" standaard={r.antwoord ?? ""} />
                            <Vinkje naam="sluiten" label="Sluiten" />
                          </Formulier>
                        </div>
                      </details>
                    )}
                  </div>
                ),
              },
            ]}
          />
        )}
      </Sectie>
    </div>
  );
}
