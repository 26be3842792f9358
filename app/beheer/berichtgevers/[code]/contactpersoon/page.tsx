import { notFound } from "next/navigation";
import { vereisCbs } from "@/lib/auth/actor";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { berichtgeverDetail } from "@/lib/beheer/berichtgevers";
import { vervangContactpersoonActie } from "@/lib/beheer/berichtgevers-acties";
import { BeheerKop } from "@/app/components/Kop";
import { Formulier, Tekstveld, Vinkje } from "@/app/components/Formulier";
import { isViercijfercode } from "@/lib/db/validation";

export const metadata = { title: "Contactpersoon vervangen" };

export default async function ContactpersoonVervangen({ params }: { params: Promise<{ code: string }> }) {
  const actor = await vereisCbs();
  const { code } = await params;
  if (!isViercijfercode(code)) notFound();
  const b = await berichtgeverDetail(actor, code, huidigStatistiekjaar());
  if (!b) notFound();
  const oud = b.contactpersoon;
  return (
    <div>
      <BeheerKop
        titel={oud ? "Contactpersoon vervangen" : "Contactpersoon registreren"}
        kruimels={[
          { href: "/beheer/berichtgevers", tekst: "Berichtgevers" },
          { href: `/beheer/berichtgevers/${b.code}`, tekst: `${b.code} ${b.naam}` },
        ]}
      />
      {oud && (
        <div className="mb-6 max-w-3xl">
          <p className="mb-2">
            Huidige contactpersoon: <strong>{oud.naam}</strong> ({oud.email}).
          </p>
          <p>Na het vervangen:</p>
          <ul className="ml-6 list-disc">
            <li>krijgt de nieuwe contactpersoon een welkomstmail met een link naar het inloggen;</li>
            <li>
              wordt {oud.naam} direct uitgelogd en worden de API-tokens die {oud.naam} heeft aangemaakt ingetrokken;
            </li>
            <li>krijgen het oude en het nieuwe adres allebei bericht van de wijziging;</li>
            <li>blijft bewaard wie wanneer contactpersoon was.</li>
          </ul>
        </div>
      )}
      <Formulier
        actie={vervangContactpersoonActie}
        knop={oud ? "Contactpersoon vervangen" : "Contactpersoon registreren"}
        verborgen={{ berichtgeverId: b.id }}
      >
        <Tekstveld naam="naam" label="Naam van de nieuwe contactpersoon" />
        <Tekstveld
          naam="email"
          label="E-mailadres"
          type="email"
          hint="Het adres waarmee de contactpersoon inlogt. Is dit een back-up gebruiker van deze berichtgever, dan wordt die contactpersoon."
        />
        <Tekstveld naam="telefoon" label="Telefoonnummer (niet verplicht)" type="tel" breedte="max-w-xs" />
        {oud && (
          <Vinkje
            naam="oudeWordtBackup"
            label={`${oud.naam} blijft back-up gebruiker`}
            hint="Zonder vinkje verliest de oude contactpersoon de toegang tot het portaal."
          />
        )}
      </Formulier>
    </div>
  );
}
