import Link from "next/link";
import { notFound } from "next/navigation";
import { vereisCbs } from "@/lib/auth/actor";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { berichtgeverDetail } from "@/lib/beheer/berichtgevers";
import { BeheerKop, Melding } from "@/app/components/Kop";
import { isViercijfercode } from "@/lib/db/validation";
import {
  BackupsSectie,
  ContactpersoonSectie,
  GegevensSectie,
  GemeentenSectie,
  HistorieSectie,
  StatusSectie,
  VrijgaveSectie,
} from "./secties";

export const metadata = { title: "Berichtgever" };

const MELDINGEN: Record<string, string> = {
  gemaakt: "De berichtgever is aangemaakt. De contactpersoon heeft een welkomstmail gekregen.",
  gewijzigd: "De gegevens van de berichtgever zijn opgeslagen.",
  vervangen:
    "De contactpersoon is vervangen. De nieuwe contactpersoon heeft een welkomstmail gekregen; de oude is uitgelogd, zijn API-tokens zijn ingetrokken en beide adressen hebben bericht gekregen.",
  geregistreerd: "De contactpersoon is geregistreerd en heeft een welkomstmail gekregen.",
};

export default async function BerichtgeverBeheer({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const { code } = await params;
  const zoek = await searchParams;
  if (!isViercijfercode(code)) notFound();
  const jaar = huidigStatistiekjaar();
  const b = await berichtgeverDetail(actor, code, jaar);
  if (!b) notFound();
  const melding = [
    zoek.gemaakt && "gemaakt",
    zoek.gewijzigd && "gewijzigd",
    typeof zoek.contactpersoon === "string" && zoek.contactpersoon,
  ]
    .filter((x): x is string => typeof x === "string" && x in MELDINGEN)
    .map((x) => MELDINGEN[x]);

  return (
    <div>
      <BeheerKop
        titel={`${b.code} ${b.naam}`}
        kruimels={[{ href: "/beheer/berichtgevers", tekst: "Berichtgevers" }]}
        ondertitel={b.actief ? "Actief" : "Gedeactiveerd: de gebruikers van deze berichtgever kunnen niet inloggen."}
      />
      {melding.map((m) => (
        <Melding key={m}>{m}</Melding>
      ))}
      <p className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
        <Link href={`/berichtgever/${b.code}`}>Bekijk het portaal van deze berichtgever</Link>
        <Link href={`/beheer/audit?berichtgever=${b.code}`}>Auditlog van deze berichtgever</Link>
      </p>

      <ContactpersoonSectie b={b} jaar={jaar} />

      <BackupsSectie b={b} jaar={jaar} />

      <GemeentenSectie b={b} jaar={jaar} />

      <GegevensSectie b={b} jaar={jaar} />

      <VrijgaveSectie b={b} jaar={jaar} />

      <HistorieSectie b={b} jaar={jaar} />

      <StatusSectie b={b} jaar={jaar} />
    </div>
  );
}
