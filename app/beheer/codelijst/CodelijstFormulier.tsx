"use client";

import {
  laadCodelijstActie,
  voorbeeldCodelijstActie,
  type CodelijstVoorbeeldGegevens,
} from "@/lib/beheer/codelijst-acties";
import { Bestandsveld, Formulier, Tekstveld, Vinkje } from "@/app/components/Formulier";
import { aantal, getal } from "@/lib/swi/opmaak";

function Lijst({ titel, items, leeg }: { titel: string; items: string[]; leeg: string }) {
  return (
    <div className="mb-4">
      <h4 className="font-semibold">
        {titel} ({getal(items.length)})
      </h4>
      {items.length === 0 ? (
        <p className="text-grijs-5">{leeg}</p>
      ) : (
        <ul className="ml-6 max-h-64 list-disc overflow-y-auto" tabIndex={0} aria-label={titel}>
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Voorbeeld({ g }: { g: CodelijstVoorbeeldGegevens }) {
  const v = g.voorbeeld;
  return (
    <section aria-labelledby="voorbeeld-titel" className="mt-8 max-w-3xl border-2 border-grijs-2 p-4">
      <h3 id="voorbeeld-titel" className="mb-3 text-xl font-semibold">
        Codelijst {v.jaar}: {aantal(v.aantal, "gemeente", "gemeenten")}
        {v.vergelekenMet ? `, vergeleken met ${v.vergelekenMet}` : ""}
      </h3>
      <Lijst
        titel="Nieuw"
        items={v.verschil.toegevoegd.map((x) => `${x.code} ${x.naam}`)}
        leeg="Geen nieuwe gemeenten."
      />
      <Lijst
        titel="Vervallen"
        items={v.verschil.verwijderd.map((x) => `${x.code} ${x.naam}`)}
        leeg="Geen gemeenten vervallen."
      />
      <Lijst
        titel="Andere naam"
        items={v.verschil.hernoemd.map((x) => `${x.code}: ${x.oud} wordt ${x.nieuw}`)}
        leeg="Geen namen gewijzigd."
      />
      <p className="mb-4">Ongewijzigd: {getal(v.verschil.ongewijzigd)}.</p>
      {v.getroffenToewijzingen.length > 0 && (
        <div className="mb-4 border-l-8 border-oranje bg-grijs-1 p-3">
          <p className="font-semibold">
            Deze berichtgevers leveren in {v.jaar} voor een gemeente die niet meer in de lijst staat:
          </p>
          <ul className="ml-6 list-disc">
            {v.getroffenToewijzingen.map((t) => (
              <li key={`${t.berichtgeverCode}-${t.gemeentecode}`}>
                {t.berichtgeverCode} {t.berichtgeverNaam}: gemeente {t.gemeentecode}
              </li>
            ))}
          </ul>
          <p>Pas hun gemeenten aan na het laden; hun bestanden voor die gemeente worden anders afgekeurd.</p>
        </div>
      )}
      <Formulier
        actie={laadCodelijstActie}
        knop={`Codelijst ${v.jaar} laden`}
        voorvoegsel="laden"
        verborgen={{ jaar: String(v.jaar), inhoud: g.inhoud, bestandsnaam: g.bestandsnaam }}
      >
        {v.bestaatAl && (
          <Vinkje
            naam="vervang"
            label={`De bestaande lijst van ${v.jaar} vervangen`}
            hint="Er is al een lijst voor dit jaar geladen."
          />
        )}
      </Formulier>
    </section>
  );
}

export function CodelijstFormulier({ standaardJaar }: { standaardJaar: string }) {
  return (
    <Formulier actie={voorbeeldCodelijstActie} knop="Bestand controleren" naSucces={(g) => <Voorbeeld g={g} />}>
      <Tekstveld
        naam="jaar"
        label="Statistiekjaar"
        standaard={standaardJaar}
        breedte="max-w-[10rem]"
        inputMode="numeric"
      />
      <Bestandsveld
        naam="bestand"
        label="CSV-bestand"
        accept=".csv,text/csv"
        hint="Met een kopregel met de kolommen gemeentecode en gemeentenaam (en eventueel provincie), gescheiden door komma's of puntkomma's. Codes als 0153 of GM0153."
      />
    </Formulier>
  );
}
