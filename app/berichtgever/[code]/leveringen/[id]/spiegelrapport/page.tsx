import Link from "next/link";
import { notFound } from "next/navigation";
import { vereisActor } from "@/lib/auth/actor";
import { GeenSpiegelrapport, spiegelrapportVoorActor } from "@/lib/spiegelrapport/data";
import type { SpiegelrapportGegevens } from "@/lib/spiegelrapport/gegevens";
import { grafiekSvg, spiegelrapportGrafieken, waardeTekst, type Grafiek } from "@/lib/spiegelrapport/grafieken";
import { statusTekst } from "@/lib/leveringen/status";
import { leveringPad, spiegelrapportParams } from "@/lib/spiegelrapport/parameters";
import {
  groepeerRijen,
  huidigKwartaalTekst,
  regelsMetSignalen,
  spiegelrapportTitelTekst,
  verschilTekst,
  vorigKwartaalTekst,
} from "@/lib/spiegelrapport/weergave";
import { ernstTekst, regel } from "@/lib/swi/regels";
import type { RegelCode } from "@/lib/swi/types";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { paginaVoorFout } from "@/lib/http/pagina";
import { getal, momentLang } from "@/lib/swi/opmaak";
import { Gegevenslijst } from "@/app/components/Sectie";
import { spiegelrapportOmgeving, type SpiegelrapportOmgeving } from "@/lib/spiegelrapport/omgeving";
import { Verloop, Vergelijking } from "./Omgeving";

export const metadata = { title: "Spiegelrapport" };

export default async function SpiegelrapportPagina({ params }: { params: Promise<{ code: string; id: string }> }) {
  const p = spiegelrapportParams.safeParse(await params);
  if (!p.success) notFound();
  const actor = await vereisActor();
  let g: SpiegelrapportGegevens;
  let omgeving: SpiegelrapportOmgeving;
  try {
    g = await spiegelrapportVoorActor(actor, p.data.id, p.data.code);
    omgeving = await spiegelrapportOmgeving(actor, g);
  } catch (e) {
    if (e instanceof GeenSpiegelrapport) return <GeenRapport status={e.leveringStatus} terug={leveringPad(p.data)} />;
    paginaVoorFout(e);
  }
  const basis = `${leveringPad(p.data)}/spiegelrapport`;
  const r = g.rapport;
  const vorig = vorigKwartaalTekst(r);

  return (
    <div>
      <p className="mb-4">
        <Link href={leveringPad(p.data)}>Terug naar de levering</Link>
      </p>
      <p className="text-grijs-5">
        Berichtgever {g.berichtgever.code} {g.berichtgever.naam}
      </p>
      <h1 className="mb-6 text-3xl font-bold">{spiegelrapportTitelTekst(g)}</h1>

      {g.levering.status === "VERVANGEN" && (
        <div role="note" className="mb-6 max-w-3xl border-l-8 border-oranje bg-grijs-1 p-4">
          Deze levering is vervangen door een latere levering voor dezelfde gemeente en hetzelfde kwartaal. Dit
          spiegelrapport hoort bij de oude levering.
        </div>
      )}

      <Gegevenslijst
        labelBreedte="12rem"
        className="mb-6 max-w-3xl"
        rijen={[
          ["Bestand", g.levering.bestandsnaam],
          ["Ontvangen", momentLang(g.levering.ontvangenOp)],
          g.levering.verwerktOp && ["Verwerkt", momentLang(g.levering.verwerktOp)],
          ["Personen", getal(r.personen)],
          [
            "Vergeleken met",
            vorig ? `de levering over ${vorig} (vorig kwartaal)` : "geen levering over het vorige kwartaal",
          ],
        ]}
      />

      <p className="mb-4 max-w-3xl">
        Vergelijk deze aantallen met uw eigen registratie. Grote verschillen met het vorige kwartaal kunnen op een fout
        in de levering wijzen.
        {vorig
          ? ` Verschil is ${huidigKwartaalTekst(r)} min ${vorig}: een plus betekent meer dan vorig kwartaal, een min minder.`
          : " Omdat er geen levering over het vorige kwartaal is, staan er geen verschillen in dit rapport."}
      </p>
      <ul className="mb-10 flex flex-wrap gap-4">
        <li>
          <a href={`${basis}.pdf`} className="knop-secundair" download>
            Download als PDF
          </a>
        </li>
        <li>
          <a href={`${basis}.csv`} className="knop-secundair" download>
            Download als CSV
          </a>
        </li>
      </ul>

      <section aria-labelledby="grafieken-titel" className="mb-12">
        <h2 id="grafieken-titel" className="mb-4 text-2xl font-semibold">
          In beeld
        </h2>
        {spiegelrapportGrafieken(r).map((grafiek) => (
          <GrafiekMetTabel key={grafiek.id} g={grafiek} />
        ))}
      </section>

      <Verloop omgeving={omgeving} />

      <Vergelijking omgeving={omgeving} />

      <section aria-labelledby="aantallen-titel" className="mb-12">
        <h2 id="aantallen-titel" className="mb-4 text-2xl font-semibold">
          Aantallen
        </h2>
        {groepeerRijen(r.rijen).map((groep) => (
          <div
            key={groep.groep}
            className="mb-8 overflow-x-auto"
            tabIndex={0}
            role="region"
            aria-label={`${groep.groep}, horizontaal te scrollen`}
          >
            <Tabelgebied label={`${groep.groep}, horizontaal te scrollen`}>
              <table className="tabel">
                <caption className="mb-2 text-left text-xl font-semibold">{groep.groep}</caption>
                <thead>
                  <tr>
                    <th scope="col">Omschrijving</th>
                    <th scope="col">Kenmerk</th>
                    <th scope="col" className="text-right">
                      {huidigKwartaalTekst(r)}
                    </th>
                    {vorig && (
                      <>
                        <th scope="col" className="text-right">
                          {vorig}
                        </th>
                        <th scope="col" className="text-right">
                          Verschil
                        </th>
                      </>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {groep.rijen.map((rij) => (
                    <tr key={rij.sleutel}>
                      <th scope="row" className="border-b border-grijs-2 font-normal">
                        {rij.omschrijving}
                      </th>
                      <td>{rij.kenmerk ?? ""}</td>
                      <td className="text-right tabular-nums">{getal(rij.huidig)}</td>
                      {vorig && (
                        <>
                          <td className="text-right tabular-nums">{rij.vorig === null ? "" : getal(rij.vorig)}</td>
                          <td className="text-right tabular-nums">
                            {rij.verschil === null ? "" : verschilTekst(rij.verschil)}
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Tabelgebied>
          </div>
        ))}
      </section>

      <SignalenPerControle g={g} />

      <section aria-labelledby="bestand-titel" className="mb-12">
        <h2 id="bestand-titel" className="mb-4 text-2xl font-semibold">
          Signalen over het bestand
        </h2>
        {g.bestandSignalen.length === 0 ? (
          <p>Er zijn geen signalen over het bestand als geheel.</p>
        ) : (
          <ul className="max-w-3xl space-y-4">
            {g.bestandSignalen.map((s, i) => (
              <li key={`${s.rule}-${i}`} className="border-l-4 border-grijs-2 pl-4">
                <p className="font-semibold">
                  <Link href={`/formaat#${s.rule}`}>{regel(s.rule).titel}</Link> ({s.severity})
                </p>
                <p>{s.message}</p>
                <p className="text-grijs-5">{s.advies}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p>
        <Link href={leveringPad(p.data)}>Terug naar de levering</Link>
      </p>
    </div>
  );
}

function GeenRapport({ status, terug }: { status: string; terug: string }) {
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">Spiegelrapport</h1>
      <p className="mb-4 max-w-2xl">
        Voor deze levering is er geen spiegelrapport: de status van de levering is {statusTekst(status).toLowerCase()}.{" "}
        {status === "AFGEKEURD"
          ? "Alleen een goedgekeurde levering krijgt een spiegelrapport."
          : "Het spiegelrapport verschijnt zodra de levering is verwerkt."}
      </p>
      <p>
        <Link href={terug}>Terug naar de levering</Link>
      </p>
    </div>
  );
}

function GrafiekMetTabel({ g }: { g: Grafiek }) {
  const titelId = `grafiek-${g.id}`;
  return (
    <figure aria-labelledby={titelId} className="mb-10">
      <h3 id={titelId} className="mb-1 text-xl font-semibold">
        {g.titel}
      </h3>
      <figcaption className="mb-3 max-w-3xl text-grijs-5">
        {g.toelichting}
        {g.vorigLabel
          ? ` Bovenste balk: ${g.huidigLabel}, onderste balk: ${g.vorigLabel}; ieder staat er met zijn getal bij.`
          : ""}
      </figcaption>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {/* Server-rendered SVG from Observable Plot (lib/spiegelrapport/grafieken.ts), no user input in it. */}
        <div className="max-w-full" dangerouslySetInnerHTML={{ __html: grafiekSvg(g) }} />
        <Tabelgebied label={`${g.titel}: de getallen`}>
          <table className="tabel text-sm">
            <caption className="sr-only">{g.titel}: de getallen</caption>
            <thead>
              <tr>
                <th scope="col">{g.eenheid === "procent" ? "Kenmerk" : "Categorie"}</th>
                <th scope="col" className="text-right">
                  {g.huidigLabel}
                </th>
                {g.vorigLabel && (
                  <th scope="col" className="text-right">
                    {g.vorigLabel}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {g.punten.map((pt) => (
                <tr key={pt.label}>
                  <th scope="row" className="border-b border-grijs-2 font-normal">
                    {pt.label}
                  </th>
                  <td className="text-right tabular-nums">
                    {waardeTekst(g, pt.huidig)}
                    {pt.huidigAantal !== undefined && (
                      <span className="text-grijs-5">
                        {" "}
                        ({getal(pt.huidigAantal)}
                        {pt.huidigNoemer !== undefined ? ` van ${getal(pt.huidigNoemer)}` : ""})
                      </span>
                    )}
                  </td>
                  {g.vorigLabel && (
                    <td className="text-right tabular-nums">
                      {pt.vorig === null ? "" : waardeTekst(g, pt.vorig)}
                      {pt.vorigAantal !== undefined && pt.vorigAantal !== null && (
                        <span className="text-grijs-5">
                          {" "}
                          ({getal(pt.vorigAantal)}
                          {pt.vorigNoemer !== undefined && pt.vorigNoemer !== null
                            ? ` van ${getal(pt.vorigNoemer)}`
                            : ""}
                          )
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </Tabelgebied>
      </div>
    </figure>
  );
}

function SignalenPerControle({ g }: { g: SpiegelrapportGegevens }) {
  const r = g.rapport;
  const regels = regelsMetSignalen(r);
  return (
    <section aria-labelledby="signalen-titel" className="mb-12">
      <h2 id="signalen-titel" className="mb-4 text-2xl font-semibold">
        Signalen per controle
      </h2>
      {regels.length === 0 ? (
        <p>De statistische controle gaf geen signalen.</p>
      ) : (
        <>
          <p className="mb-4 max-w-3xl">
            Signalen over personen: {getal(r.signalenPerErnst.fout)} fout, {getal(r.signalenPerErnst.waarschuwing)}{" "}
            waarschuwing en {getal(r.signalenPerErnst.info)} informatief. De personen staan op de signaleringslijst bij
            de levering. Klik op een controle voor de uitleg en wat u kunt doen.
          </p>
          <Tabelgebied label="Aantal signalen per controle, horizontaal te scrollen">
            <table className="tabel max-w-3xl">
              <caption className="sr-only">Aantal signalen per controle</caption>
              <thead>
                <tr>
                  <th scope="col">Controle</th>
                  <th scope="col">Ernst</th>
                  <th scope="col" className="text-right">
                    Aantal
                  </th>
                </tr>
              </thead>
              <tbody>
                {regels.map(({ code, aantal }) => {
                  const rg = regel(code as RegelCode);
                  return (
                    <tr key={code}>
                      <th scope="row" className="border-b border-grijs-2 font-normal">
                        <Link href={`/formaat#${code}`}>{rg.titel}</Link>
                      </th>
                      <td>{ernstTekst(rg)}</td>
                      <td className="text-right tabular-nums">{getal(aantal)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Tabelgebied>
        </>
      )}
    </section>
  );
}
