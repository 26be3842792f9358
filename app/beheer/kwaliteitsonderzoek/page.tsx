import Link from "next/link";
import { z } from "zod";
import { vereisCbs } from "@/lib/auth/actor";
import { kwaliteitsonderzoekDetail, kwaliteitsonderzoeken } from "@/lib/beheer/kwaliteitsonderzoek";
import { legGesprekVastActie, trekKwaliteitsonderzoekActie } from "@/lib/beheer/kwaliteitsonderzoek-acties";
import { GROOTTEKLASSE_TEKST, type Grootteklasse } from "@/lib/beheer/steekproef";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { BeheerKop } from "@/app/components/Kop";
import { Formulier, Tekstvak, Tekstveld } from "@/app/components/Formulier";
import { Sectie } from "@/app/components/Sectie";
import { Tabel } from "@/app/components/Tabel";
import { aantal, datum, moment } from "@/lib/swi/opmaak";

export const metadata = { title: "Kwaliteitsonderzoek" };

const idSchema = z.string().max(64).optional().catch(undefined);

export default async function Kwaliteitsonderzoek({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const gevraagd = idSchema.parse((await searchParams).id);
  const lijst = await kwaliteitsonderzoeken(actor);
  const id = gevraagd ?? lijst[0]?.id;
  const o = id ? await kwaliteitsonderzoekDetail(actor, id) : null;
  const vandaag = new Date().toISOString().slice(0, 10);

  return (
    <div>
      <BeheerKop
        titel="Kwaliteitsonderzoek"
        ondertitel="Een steekproef van berichtgevers, per grootteklasse, voor een gesprek over de kwaliteit van hun leveringen (richtlijnen 4.2.4)."
      />

      <Sectie id="trekken" titel="Nieuwe steekproef trekken">
        <p className="mb-4 max-w-3xl">
          De grootteklasse volgt uit het aantal personen in de goedgekeurde leveringen van het laatste verwerkte
          kwartaal. Dezelfde startwaarde geeft bij dezelfde berichtgevers dezelfde steekproef: zo is na te gaan dat de
          trekking eerlijk was.
        </p>
        <Formulier actie={trekKwaliteitsonderzoekActie} knop="Steekproef trekken" voorvoegsel="trek">
          <Tekstveld
            naam="jaar"
            label="Onderzoeksjaar"
            standaard={String(huidigStatistiekjaar())}
            breedte="max-w-[8rem]"
            inputMode="numeric"
          />
          <Tekstveld
            naam="seed"
            label="Startwaarde van de trekking"
            standaard={vandaag}
            hint="Bijvoorbeeld de datum van vandaag."
          />
          {(["groot", "middel", "klein"] as const).map((k) => (
            <Tekstveld
              key={k}
              naam={k}
              label={`Aantal ${GROOTTEKLASSE_TEKST[k]}`}
              standaard="3"
              breedte="max-w-[8rem]"
              inputMode="numeric"
            />
          ))}
        </Formulier>
      </Sectie>

      {lijst.length > 1 && (
        <Sectie id="eerdere" titel="Eerdere steekproeven">
          <ul className="ml-6 list-disc">
            {lijst.map((l) => (
              <li key={l.id}>
                <Link
                  href={`/beheer/kwaliteitsonderzoek?id=${l.id}`}
                  aria-current={l.id === o?.id ? "page" : undefined}
                >
                  {l.jaar}, getrokken {moment(l.aangemaaktOp)} door {l.aangemaaktDoor.naam}
                </Link>{" "}
                ({aantal(l._count.deelnemers, "berichtgever", "berichtgevers")})
              </li>
            ))}
          </ul>
        </Sectie>
      )}

      {o ? (
        <Sectie id="steekproef" titel={`Steekproef ${o.jaar}`}>
          <p className="mb-4 max-w-3xl">
            Getrokken op {moment(o.aangemaaktOp)} door {o.aangemaaktDoor.naam}, met startwaarde <code>{o.seed}</code>:{" "}
            {aantal(o.deelnemers.length, "berichtgever", "berichtgevers")}.
          </p>
          <Tabel
            bijschrift={`Berichtgevers in de steekproef ${o.jaar}`}
            rijen={o.deelnemers}
            sleutel={(d) => d.id}
            kolommen={[
              {
                kop: "Berichtgever",
                cel: (d) => (
                  <Link href={`/beheer/berichtgevers/${d.berichtgever.code}`}>
                    {d.berichtgever.code} {d.berichtgever.naam}
                  </Link>
                ),
              },
              {
                kop: "Grootteklasse",
                cel: (d) => GROOTTEKLASSE_TEKST[d.grootteklasse as Grootteklasse] ?? d.grootteklasse,
              },
              { kop: "Gesprek", cel: (d) => (d.gesprekOp ? datum(d.gesprekOp) : "nog niet") },
              {
                kop: "Vastleggen",
                cel: (d) => (
                  <details>
                    <summary className="cursor-pointer text-hemel-donker">
                      Gesprek vastleggen<span className="sr-only"> met {d.berichtgever.naam}</span>
                    </summary>
                    <div className="mt-2">
                      <Formulier
                        actie={legGesprekVastActie}
                        knop="Opslaan"
                        voorvoegsel={`gesprek-${d.id}`}
                        verborgen={{ deelnemerId: d.id }}
                        className=""
                      >
                        <Tekstveld
                          naam="gesprekOp"
                          label="Datum van het gesprek"
                          type="date"
                          standaard={d.gesprekOp ? d.gesprekOp.toISOString().slice(0, 10) : ""}
                          breedte="max-w-[12rem]"
                        />
                        <Tekstvak naam="notities" label="Notities" standaard={d.notities ?? ""} />
                      </Formulier>
                    </div>
                  </details>
                ),
              },
            ]}
          />
        </Sectie>
      ) : (
        <p>Er is nog geen steekproef getrokken.</p>
      )}
    </div>
  );
}
