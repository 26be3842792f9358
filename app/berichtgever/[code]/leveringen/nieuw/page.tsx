import Link from "next/link";
import { vereisActor, heeftRecht } from "@/lib/auth/actor";
import { berichtgeverOverzicht, toewijzingenVan } from "@/lib/berichtgevers/data";
import { datumInNederland } from "@/lib/leveringen/aanleverperiode";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { UploadFormulier } from "./UploadFormulier";
import { voorPagina } from "@/lib/http/pagina";
import { vorigeTellingen } from "@/lib/leveringen/vorige-tellingen";

export const metadata = { title: "Levering uploaden" };

export default async function NieuweLeveringPagina({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await vereisActor();
  const [b, toewijzingen, vorige] = await voorPagina(() =>
    Promise.all([
      berichtgeverOverzicht(actor, code, huidigStatistiekjaar()),
      toewijzingenVan(actor, code),
      vorigeTellingen(actor, code),
    ]),
  );
  const basis = `/berichtgever/${b.code}`;
  return (
    <div>
      <nav aria-label="Kruimelpad" className="mb-4 text-sm">
        <Link href={basis}>{b.naam}</Link> <span aria-hidden="true">›</span>{" "}
        <Link href={`${basis}/leveringen`}>Leveringen</Link> <span aria-hidden="true">›</span> Uploaden
      </nav>
      <h1 className="mb-2 text-3xl font-bold">Levering uploaden</h1>
      <p className="mb-6 text-grijs-5">
        Berichtgever {b.code} · {b.naam}
        {heeftRecht(actor, "beheer") ? " (u levert aan namens deze berichtgever)" : ""}
      </p>
      <div className="mb-6 max-w-3xl space-y-2">
        <p>
          Lever per gemeente en kwartaal één XML-bestand aan volgens het <Link href="/formaat">aanleverformaat</Link>,
          los of samen in een zip-bestand. Zodra u een bestand kiest, controleert deze pagina het in uw browser, op uw
          eigen computer: de naam (gemeente, kwartaal, aanleverperiode), de hele technische controle van de inhoud en de
          signalen over het bestand als geheel (zoals het aantal personen tegenover het vorige kwartaal). Zo ziet u vóór
          het verzenden of een bestand wordt afgekeurd en waarom; zo’n bestand wordt alleen verzonden als u daar zelf
          voor kiest. Na ontvangst controleert de portal alles opnieuw, ook de statistische controle. U kunt deze pagina
          daarna sluiten: u krijgt een e-mail met de uitkomst.
        </p>
        <p>
          Grote bestanden worden in delen verzonden. Valt de verbinding even weg, dan gaat de upload daarna vanzelf
          verder.
        </p>
      </div>
      <UploadFormulier
        code={b.code}
        toewijzingen={toewijzingen}
        vandaag={datumInNederland(new Date())}
        vorige={vorige}
      />
    </div>
  );
}
