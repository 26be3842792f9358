"use client";

import { Formulier, Tekstveld, Tekstvak } from "@/app/components/Formulier";
import { MailVoorbeelden } from "@/app/components/MailVoorbeelden";
import { bekijkCampagneActie, verstuurCampagneActie, type CampagneVoorbeeld } from "@/lib/beheer/campagnes-acties";
import { aantal } from "@/lib/swi/opmaak";

function Versturen({ v }: { v: CampagneVoorbeeld }) {
  return (
    <section aria-labelledby="controle-titel" className="mt-8 max-w-3xl border-2 border-grijs-2 p-4">
      <h3 id="controle-titel" className="mb-3 text-xl font-semibold">
        {aantal(v.mails.length, "e-mail", "e-mails")} klaar om te versturen
      </h3>
      <MailVoorbeelden voorbeelden={v.mails} titel="Bekijk elke e-mail zoals de ontvanger hem krijgt" open />
      <Formulier
        actie={verstuurCampagneActie}
        knop={`Versturen naar ${aantal(v.mails.length, "contactpersoon", "contactpersonen")}`}
        voorvoegsel="versturen"
        verborgen={{ titel: v.titel, toelichting: v.toelichting, regels: v.regels }}
      />
    </section>
  );
}

/** Write the text, read every mail as its recipient will, then send exactly that. */
export function CampagneFormulier({ regels }: { regels: string }) {
  return (
    <Formulier
      actie={bekijkCampagneActie}
      knop="E-mails bekijken"
      verborgen={{ regels }}
      naSucces={(v) => <Versturen v={v} />}
    >
      <Tekstveld
        naam="titel"
        label="Titel"
        hint="Het kwaliteitsprobleem in een paar woorden; het staat ook in het onderwerp van de e-mail."
        breedte="max-w-2xl"
      />
      <Tekstvak
        naam="toelichting"
        label="Toelichting"
        hint="Wat is het probleem, waarom is het belangrijk en wat kan de berichtgever doen? Een lege regel begint een nieuwe alinea. Geen BSN's of andere persoonsgegevens."
      />
    </Formulier>
  );
}
