import { Tabelgebied } from "@/app/components/Tabelgebied";
import { staafgrafiekSvg, type Staafgrafiek } from "@/lib/spiegelrapport/grafieken";
import type { SpiegelrapportOmgeving } from "@/lib/spiegelrapport/omgeving";
import { trendGrafiek } from "@/lib/spiegelrapport/trend";
import {
  celTekst,
  eigenTekst,
  klasseKop,
  vergelijkingsGrafieken,
  vergelijkingUitleg,
} from "@/lib/spiegelrapport/vergelijking";
import { getal } from "@/lib/swi/opmaak";

/** A chart drawn on the server (lib/spiegelrapport/grafieken.ts, counts only, no user input in it). */
function Grafiekbeeld({ g }: { g: Staafgrafiek }) {
  return <div className="mb-4 max-w-3xl" dangerouslySetInnerHTML={{ __html: staafgrafiekSvg(g) }} />;
}

export function Verloop({ omgeving }: { omgeving: SpiegelrapportOmgeving }) {
  const t = omgeving.trend;
  const grafiek = trendGrafiek(t);
  return (
    <section aria-labelledby="verloop-titel" className="mb-12">
      <h2 id="verloop-titel" className="mb-4 text-2xl font-semibold">
        Verloop per kwartaal
      </h2>
      <p className="mb-4 max-w-3xl">
        {t.kwartalen.length === 1
          ? "Dit is de eerste levering voor deze gemeente; er zijn nog geen eerdere kwartalen om mee te vergelijken."
          : `De aantallen van elk kwartaal dat u voor deze gemeente leverde, tot en met dit kwartaal. Voor een eerder kwartaal telt de levering die geldt; voor ${t.kwartalen[t.kwartalen.length - 1]!.tekst} deze levering.`}
      </p>
      <figure aria-labelledby="grafiek-verloop" className="mb-6">
        <h3 id="grafiek-verloop" className="mb-1 text-xl font-semibold">
          {grafiek.titel}
        </h3>
        <figcaption className="mb-3 max-w-3xl text-grijs-5">
          {grafiek.toelichting} Per kwartaal staat eerst de balk voor personen, dan die voor PIP&apos;s, ieder met zijn
          getal.
        </figcaption>
        <Grafiekbeeld g={grafiek} />
      </figure>
      <Tabelgebied label="Aantallen per kwartaal, horizontaal te scrollen">
        <table className="tabel">
          <caption className="mb-2 text-left text-xl font-semibold">Aantallen per kwartaal</caption>
          <thead>
            <tr>
              <th scope="col">Omschrijving</th>
              {t.kwartalen.map((k) => (
                <th key={k.tekst} scope="col" className="text-right">
                  {k.tekst}
                  {k.ditRapport && <span className="sr-only"> (dit rapport)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.rijen.map((rij) => (
              <tr key={rij.sleutel}>
                <th scope="row" className="border-b border-grijs-2 font-normal">
                  {rij.groep === rij.omschrijving || rij.groep === "Personen" || rij.groep === "Signalen"
                    ? rij.omschrijving
                    : `${rij.groep}: ${rij.omschrijving}`}
                </th>
                {rij.waarden.map((w, i) => (
                  <td key={t.kwartalen[i]!.tekst} className="text-right tabular-nums">
                    {w === null ? "-" : getal(w)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Tabelgebied>
    </section>
  );
}

export function Vergelijking({ omgeving }: { omgeving: SpiegelrapportOmgeving }) {
  const v = omgeving.vergelijking;
  const klasse = klasseKop(v);
  return (
    <section aria-labelledby="vergelijking-titel" className="mb-12">
      <h2 id="vergelijking-titel" className="mb-4 text-2xl font-semibold">
        Vergeleken met andere gemeenten
      </h2>
      {vergelijkingUitleg(v).map((zin) => (
        <p key={zin} className="mb-4 max-w-3xl">
          {zin}
        </p>
      ))}
      {v.landelijk.getoond &&
        vergelijkingsGrafieken(v).map((g) => (
          <figure key={g.id} aria-labelledby={`grafiek-${g.id}`} className="mb-6">
            <h3 id={`grafiek-${g.id}`} className="mb-1 text-xl font-semibold">
              {g.titel}
            </h3>
            <figcaption className="mb-3 max-w-3xl text-grijs-5">
              {g.toelichting} Per categorie staan drie balken: deze gemeente, landelijk en {klasse.toLowerCase()}; ieder
              met zijn naam en getal.
            </figcaption>
            <Grafiekbeeld g={g} />
          </figure>
        ))}
      <Tabelgebied label="Vergelijking met andere gemeenten, horizontaal te scrollen">
        <table className="tabel">
          <caption className="mb-2 text-left text-xl font-semibold">Cijfers naast landelijk en grootteklasse</caption>
          <thead>
            <tr>
              <th scope="col">Cijfer</th>
              <th scope="col" className="text-right">
                Deze gemeente
              </th>
              <th scope="col" className="text-right">
                Landelijk
              </th>
              <th scope="col" className="text-right">
                {klasse}
              </th>
            </tr>
          </thead>
          <tbody>
            {v.rijen.map((rij) => (
              <tr key={rij.sleutel}>
                <th scope="row" className="border-b border-grijs-2 font-normal">
                  {rij.groep === "Personen" ? rij.omschrijving : `${rij.groep}: ${rij.omschrijving}`}
                </th>
                <td className="text-right tabular-nums">{eigenTekst(rij)}</td>
                <td className="text-right tabular-nums">{celTekst(rij, rij.landelijk)}</td>
                <td className="text-right tabular-nums">{celTekst(rij, rij.klasse)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Tabelgebied>
    </section>
  );
}
