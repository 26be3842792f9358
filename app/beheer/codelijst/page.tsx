import { vereisCbs } from "@/lib/auth/actor";
import { geladenLijsten } from "@/lib/beheer/codelijst";
import { BeheerKop, Melding } from "@/app/components/Kop";
import { CodelijstFormulier } from "./CodelijstFormulier";
import { isViercijfercode } from "@/lib/db/validation";
import { moment, getal } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";

export const metadata = { title: "Gemeentecodelijst" };

export default async function Codelijst({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const { geladen } = await searchParams;
  const lijsten = await geladenLijsten(actor);
  const volgendJaar = new Date().getUTCFullYear() + 1;
  return (
    <div>
      <BeheerKop titel="Gemeentecodelijst" />
      {typeof geladen === "string" && isViercijfercode(geladen) && (
        <Melding>De codelijst van {geladen} is geladen.</Melding>
      )}
      <p className="mb-6 max-w-3xl">
        Elk jaar geldt de CBS-codelijst van gemeenten van dat jaar: gemeentelijke herindelingen gaan in op 1 januari.
        Voor een jaar zonder eigen lijst gebruikt het portaal de lijst van het laatste eerdere jaar.
      </p>
      <section aria-labelledby="lijsten-titel" className="mb-10">
        <h2 id="lijsten-titel" className="mb-3 text-2xl font-semibold">
          Geladen lijsten
        </h2>
        <Tabel
          bijschrift="Geladen gemeentecodelijsten"
          className="max-w-3xl"
          rijen={lijsten}
          sleutel={(l) => l.jaar}
          kolommen={[
            { kop: "Jaar", cel: (l) => l.jaar },
            { kop: "Gemeenten", cel: (l) => getal(l.aantal) },
            { kop: "Bron", cel: (l) => l.bron },
            { kop: "Geladen op", cel: (l) => moment(l.geladenOp) },
          ]}
        />
      </section>
      <section aria-labelledby="laden-titel">
        <h2 id="laden-titel" className="mb-3 text-2xl font-semibold">
          Een lijst laden
        </h2>
        <CodelijstFormulier standaardJaar={String(Math.min(volgendJaar, (lijsten[0]?.jaar ?? 2021) + 1))} />
      </section>
    </div>
  );
}
