import { vereisCbs } from "@/lib/auth/actor";
import { schrijfAudit } from "@/lib/audit";
import { landelijkeControle } from "@/lib/beheer/landelijke-controles";
import { headers } from "next/headers";
import { isPrefetch } from "@/lib/prefetch";
import { kwartaalOpties, kwartaalUitParam } from "@/lib/beheer/kwartaalkeuze";
import { BeheerKop } from "@/app/components/Kop";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { aantal, getal } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";

export const metadata = { title: "Landelijke controles" };

export default async function LandelijkeControles({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const p = await searchParams;
  const { jaar, kwartaal } = kwartaalUitParam(p.kwartaal);
  // A prefetch of this URL neither runs the check nor records a view nobody had.
  const uitvoeren = p.uitvoeren === "1" && !isPrefetch(await headers());
  const r = uitvoeren ? await landelijkeControle(actor, jaar, kwartaal) : null;
  if (r) {
    // BSN-level data is on screen now: who saw which quarter's list is recorded.
    await schrijfAudit({
      actor,
      actie: "bekijk.landelijke-controle",
      details: { jaar, kwartaal, dubbel: r.dubbel.length, verdwenen: r.verdwenen.length },
    });
  }
  const zoek = `kwartaal=${jaar}-${kwartaal}`;
  return (
    <div>
      <BeheerKop titel="Landelijke controles" />
      <div className="mb-6 max-w-3xl">
        <p className="mb-2">
          Controles over gemeenten heen, op de BSN&apos;s van de geaccepteerde leveringen van één kwartaal:
        </p>
        <ul className="ml-6 list-disc">
          <li>
            <strong>Dubbel geleverd:</strong> een BSN dat door twee of meer gemeenten is geleverd, zonder dat één van
            hen een verhuizing (EindeBegeleidingReden 1) meldt.
          </li>
          <li>
            <strong>Na verhuizing verdwenen:</strong> een persoon die met reden 1 (verhuizing) uit een gemeente vertrok
            en die in het volgende kwartaal door geen andere gemeente is geleverd.
          </li>
        </ul>
        <p className="mt-2 border-l-8 border-oranje bg-grijs-1 p-3">
          Deze lijsten bevatten BSN&apos;s. Bekijken en downloaden wordt vastgelegd in het auditlog. Deel ze nooit met
          een berichtgever van een andere gemeente.
        </p>
      </div>
      <form method="get" className="mb-8 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="kwartaal" className="mb-1 block font-semibold">
            Kwartaal
          </label>
          <select id="kwartaal" name="kwartaal" defaultValue={`${jaar}-${kwartaal}`} className="invoer">
            {kwartaalOpties().map((o) => (
              <option key={o.waarde} value={o.waarde}>
                {o.tekst}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="uitvoeren" value="1" />
        <button type="submit" className="knop">
          Controles uitvoeren
        </button>
      </form>
      <p className="mb-8 text-grijs-5">
        Alle bestanden van het kwartaal en het volgende worden opnieuw gelezen; dat kan enkele minuten duren.
      </p>

      {r && (
        <>
          <section aria-labelledby="samenvatting-titel" className="mb-8">
            <h2 id="samenvatting-titel" className="mb-3 text-2xl font-semibold">
              {jaar} kwartaal {kwartaal}
            </h2>
            <p>
              Gelezen: {aantal(r.gelezen, "levering", "leveringen")} van {jaar} kwartaal {kwartaal} en{" "}
              {getal(r.gelezenVolgend)} van {r.volgend.jaar} kwartaal {r.volgend.kwartaal}.{" "}
              {!r.volgendCompleet && (
                <strong>
                  De aanleverperiode van {r.volgend.jaar} kwartaal {r.volgend.kwartaal} loopt nog: &quot;na verhuizing
                  verdwenen&quot; is voorlopig.
                </strong>
              )}
            </p>
            {r.nietGelezen.length > 0 && (
              <details className="mt-3">
                <summary className="cursor-pointer font-semibold text-hemel-donker">
                  {aantal(r.nietGelezen.length, "levering", "leveringen")}{" "}
                  {r.nietGelezen.length === 1 ? "kon" : "konden"} niet worden gelezen
                </summary>
                <ul className="ml-6 mt-2 list-disc">
                  {r.nietGelezen.map((n) => (
                    <li key={`${n.jaar}-${n.kwartaal}-${n.berichtgeverCode}-${n.gemeentecode}`}>
                      {n.jaar} K{n.kwartaal}, gemeente {n.gemeentecode} (berichtgever {n.berichtgeverCode}),{" "}
                      {n.bestandsnaam}: {n.reden}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <p className="mt-4">
              {/* A plain link: Next's <Link> prefetches route handlers, which would export (and audit) unasked. */}
              <a href={`/beheer/landelijke-controles/export?${zoek}`} className="knop-secundair" download>
                Downloaden als CSV
              </a>
            </p>
          </section>
          <section aria-labelledby="dubbel-titel" className="mb-8">
            <h2 id="dubbel-titel" className="mb-3 text-2xl font-semibold">
              Dubbel geleverd ({getal(r.dubbel.length)})
            </h2>
            {r.dubbel.length === 0 ? (
              <p>Geen BSN&apos;s gevonden die door meer gemeenten zijn geleverd zonder verhuizing.</p>
            ) : (
              <Tabel
                bijschrift="BSN's die door meer gemeenten zijn geleverd zonder verhuizing"
                label="BSN's die door meer gemeenten zijn geleverd zonder verhuizing"
                rijen={r.dubbel}
                sleutel={(d) => d.bsn}
                kolommen={[
                  { kop: "BSN", cel: (d) => d.bsn, className: "font-mono" },
                  {
                    kop: "Geleverd door",
                    cel: (d) => (
                      <>
                        {d.gemeenten
                          .map(
                            (g) =>
                              `gemeente ${g.gemeentecode} (berichtgever ${g.berichtgeverCode})${g.verhuisd ? ", verhuisd" : ""}`,
                          )
                          .join("; ")}
                      </>
                    ),
                  },
                ]}
              />
            )}
          </section>
          <section aria-labelledby="verdwenen-titel">
            <h2 id="verdwenen-titel" className="mb-3 text-2xl font-semibold">
              Na verhuizing verdwenen ({getal(r.verdwenen.length)})
            </h2>
            {r.verdwenen.length === 0 ? (
              <p>
                Iedereen die met een verhuizing vertrok, is in het volgende kwartaal door een andere gemeente geleverd.
              </p>
            ) : (
              <Tabelgebied label="Personen die na een verhuizing door geen andere gemeente zijn geleverd, horizontaal te scrollen">
                <table className="tabel">
                  <caption className="sr-only">
                    Personen die na een verhuizing door geen andere gemeente zijn geleverd
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">BSN</th>
                      <th scope="col">Vertrokken uit gemeente</th>
                      <th scope="col">Berichtgever</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.verdwenen.map((v) => (
                      <tr key={`${v.bsn}-${v.gemeentecode}`}>
                        <td className="font-mono">{v.bsn}</td>
                        <td>{v.gemeentecode}</td>
                        <td>{v.berichtgeverCode}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Tabelgebied>
            )}
          </section>
        </>
      )}
    </div>
  );
}
