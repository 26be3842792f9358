import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { berichtgeversLijst } from "@/lib/beheer/berichtgevers";
import { getal } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";
import { berichtgeverKolommen } from "@/app/components/berichtgeverKolommen";

export const metadata = { title: "Beheer" };

const ONDERDELEN = [
  {
    href: "/beheer/berichtgevers",
    titel: "Berichtgevers",
    tekst: "Berichtgevers, hun gemeenten, contactpersoon en back-up gebruikers.",
  },
  {
    href: "/beheer/monitor",
    titel: "Landelijke leveringsmonitor",
    tekst: "Per kwartaal de stand van de levering van elke gemeente; herinneringen versturen.",
  },
  {
    href: "/beheer/campagnes",
    titel: "Campagnes",
    tekst: "Berichtgevers wijzen op een kwaliteitsprobleem dat bij velen voorkomt.",
  },
  {
    href: "/beheer/landelijke-controles",
    titel: "Landelijke controles",
    tekst: "Controles over gemeenten heen: dubbele BSN's en verhuizingen (gegevens op BSN-niveau).",
  },
  {
    href: "/beheer/kwaliteitsonderzoek",
    titel: "Kwaliteitsonderzoek",
    tekst: "Een steekproef van berichtgevers per grootteklasse trekken en de gesprekken vastleggen.",
  },
  {
    href: "/beheer/berichten",
    titel: "Berichten",
    tekst: "Beveiligde gesprekken met berichtgevers, per levering en algemeen.",
  },
  {
    href: "/beheer/signalen",
    titel: "Reacties op signalen",
    tekst: "De reacties van berichtgevers op signalen, per berichtgever en per regel; vragen beantwoorden en sluiten.",
  },
  {
    href: "/beheer/codelijst",
    titel: "Gemeentecodelijst",
    tekst: "De CBS-codelijst van gemeenten per jaar laden, met de herindelingen.",
  },
  { href: "/beheer/audit", titel: "Auditlog", tekst: "Wie deed wat, wanneer en vanaf waar; zoeken en exporteren." },
  { href: "/beheer/mail", titel: "E-mail", tekst: "Verstuurde en wachtende e-mails van het portaal." },
];

export default async function Beheer() {
  const actor = await vereisCbs();
  const berichtgevers = await berichtgeversLijst(actor, { status: "actief" });
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">Beheer</h1>
      <nav aria-labelledby="onderdelen-titel" className="mb-10">
        <h2 id="onderdelen-titel" className="sr-only">
          Onderdelen
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {ONDERDELEN.map((o) => (
            <li key={o.href} className="border-2 border-grijs-2 p-4">
              <Link href={o.href} className="text-xl font-semibold">
                {o.titel}
              </Link>
              <p className="mt-1 text-grijs-5">{o.tekst}</p>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="berichtgevers-titel">
        <h2 id="berichtgevers-titel" className="mb-3 text-2xl font-semibold">
          Actieve berichtgevers ({getal(berichtgevers.length)})
        </h2>
        <Tabel
          bijschrift="Actieve berichtgevers"
          rijen={berichtgevers}
          sleutel={(b) => b.id}
          kolommen={berichtgeverKolommen()}
        />
      </section>
    </div>
  );
}
