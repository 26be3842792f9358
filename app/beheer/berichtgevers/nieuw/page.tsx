import { vereisCbs } from "@/lib/auth/actor";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { maakBerichtgeverActie } from "@/lib/beheer/berichtgevers-acties";
import { BeheerKop } from "@/app/components/Kop";
import { Formulier, Tekstveld } from "@/app/components/Formulier";

export const metadata = { title: "Nieuwe berichtgever" };

export default async function NieuweBerichtgever() {
  await vereisCbs();
  const jaar = huidigStatistiekjaar();
  return (
    <div>
      <BeheerKop titel="Nieuwe berichtgever" kruimels={[{ href: "/beheer/berichtgevers", tekst: "Berichtgevers" }]} />
      <Formulier actie={maakBerichtgeverActie} knop="Berichtgever aanmaken">
        <h2 className="mb-3 text-2xl font-semibold">Berichtgever</h2>
        <Tekstveld
          naam="code"
          label="Berichtgevercode"
          hint="4 cijfers, met voorloopnullen, bijvoorbeeld 0153."
          breedte="max-w-[10rem]"
          inputMode="numeric"
        />
        <Tekstveld naam="naam" label="Naam" hint="Bijvoorbeeld Gemeente Enschede of Werkplein Twente." />
        <Tekstveld
          naam="gemeenten"
          label="Gemeenten"
          hint="De CBS-gemeentecodes waarvoor deze berichtgever levert, gescheiden door spaties of komma's, bijvoorbeeld 0153, 0164."
        />
        <Tekstveld
          naam="vanafJaar"
          label="Vanaf statistiekjaar"
          hint="Het eerste jaar waarover deze berichtgever levert."
          standaard={String(jaar)}
          breedte="max-w-[10rem]"
          inputMode="numeric"
        />
        <h2 className="mb-3 mt-8 text-2xl font-semibold">Contactpersoon</h2>
        <p className="mb-4 max-w-2xl">
          De contactpersoon ontvangt de e-mails over leveringen en mag de signaleringslijsten downloaden. Na het
          aanmaken krijgt deze persoon een welkomstmail met een link naar het inloggen.
        </p>
        <Tekstveld naam="cpNaam" label="Naam" autoComplete="off" />
        <Tekstveld naam="cpEmail" label="E-mailadres" type="email" hint="Het adres waarmee de contactpersoon inlogt." />
        <Tekstveld naam="cpTelefoon" label="Telefoonnummer (niet verplicht)" type="tel" breedte="max-w-xs" />
      </Formulier>
    </div>
  );
}
