import Link from "next/link";
import { heeftRecht, vereisActor } from "@/lib/auth/actor";
import { berichtgeverOverzicht } from "@/lib/berichtgevers/data";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { kwartaalbeeld, recenteLeveringen } from "@/lib/leveringen/data";
import { Kwartaalkaarten, Kwartaalmatrix } from "./Kwartaalbeeld";
import { GeldtLabel, ProefLabel, StatusLabel } from "./leveringen/StatusLabel";
import { kwartaalTekst } from "@/lib/leveringen/weergave";
import { voorPagina } from "@/lib/http/pagina";
import { moment } from "@/lib/swi/opmaak";
import { Gegevenslijst } from "@/app/components/Sectie";
import { Tabel } from "@/app/components/Tabel";
import { Formulier, Vinkje } from "@/app/components/Formulier";
import { stelVrijgaveInActie } from "@/lib/leveringen/vrijgave-acties";

export const metadata = { title: "Berichtgever" };

export default async function BerichtgeverHome({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await vereisActor();
  const jaar = huidigStatistiekjaar();
  const [b, leveringen, beeld] = await voorPagina(() =>
    Promise.all([
      berichtgeverOverzicht(actor, code, jaar),
      recenteLeveringen(actor, code, 5),
      kwartaalbeeld(actor, code),
    ]),
  );
  return (
    <div>
      <p className="text-grijs-5">Berichtgever {b.code}</p>
      <h1 className="mb-6 text-3xl font-bold">{b.naam}</h1>

      <Kwartaalkaarten beeld={beeld} />
      {beeld.matrix.length > 1 && <Kwartaalmatrix beeld={beeld} />}

      <section aria-labelledby="leveringen-titel" className="mb-10">
        <h2 id="leveringen-titel" className="mb-3 text-2xl font-semibold">
          Leveringen
        </h2>
        {leveringen.length === 0 ? (
          <p className="mb-4">Er zijn nog geen leveringen ontvangen.</p>
        ) : (
          <Tabel
            bijschrift={<>Laatst ontvangen leveringen van berichtgever {b.code}</>}
            label={`Laatst ontvangen leveringen van berichtgever ${b.code}`}
            className="mb-4"
            rijen={leveringen}
            sleutel={(l) => l.id}
            kolommen={[
              {
                kop: "Bestand",
                cel: (l) => (
                  <>
                    <Link href={`/berichtgever/${b.code}/leveringen/${l.id}`}>{l.bestandsnaam}</Link>
                  </>
                ),
                className: "break-all",
              },
              {
                kop: "Kwartaal",
                cel: (l) => kwartaalTekst(l.statistiekjaar, l.statistiekkwartaal),
                className: "whitespace-nowrap",
              },
              { kop: "Ontvangen", cel: (l) => moment(l.ontvangenOp), className: "whitespace-nowrap" },
              {
                kop: "Status",
                cel: (l) => (
                  <>
                    <StatusLabel status={l.status} />
                    {beeld.geldend.has(l.id) && <GeldtLabel />}
                    <ProefLabel proef={l.proef} />
                  </>
                ),
              },
            ]}
          />
        )}
        <p className="flex flex-wrap gap-4">
          <Link href={`/berichtgever/${b.code}/leveringen/nieuw`} className="knop">
            Levering uploaden
          </Link>
          <Link href={`/berichtgever/${b.code}/leveringen`} className="knop-secundair">
            Alle leveringen en aanleverperiodes
          </Link>
          {heeftRecht(actor, "tokensBeheren") && (
            <Link href={`/berichtgever/${b.code}/api-tokens`} className="knop-secundair">
              API-tokens voor uw softwareleverancier
            </Link>
          )}
        </p>
      </section>

      {heeftRecht(actor, "vrijgaveInstellen") && (
        <section aria-labelledby="vrijgave-titel" className="mb-10">
          <h2 id="vrijgave-titel" className="mb-3 text-2xl font-semibold">
            Vrijgave van uploads
          </h2>
          <p className="mb-4 max-w-3xl">
            {b.vrijgaveVereist
              ? "Uploads van back-upgebruikers en via API-tokens worden direct gecontroleerd, maar tellen pas als levering wanneer de contactpersoon ze vrijgeeft."
              : "Uploads van back-upgebruikers en via API-tokens tellen direct als levering."}
          </p>
          <Formulier actie={stelVrijgaveInActie} knop="Opslaan" voorvoegsel="vrijgave" verborgen={{ code: b.code }}>
            <Vinkje
              naam="vrijgaveVereist"
              label="Uploads van back-upgebruikers en API-tokens wachten op mijn vrijgave"
              hint="U ziet wachtende uploads bovenaan deze pagina en krijgt een e-mail zodra er een gecontroleerd is."
              standaard={b.vrijgaveVereist}
            />
          </Formulier>
        </section>
      )}

      <section aria-labelledby="contact-titel">
        <h2 id="contact-titel" className="mb-3 text-2xl font-semibold">
          Contactpersoon
        </h2>
        {b.contactpersoon ? (
          <Gegevenslijst
            labelBreedte="12rem"
            className="max-w-2xl"
            rijen={[
              ["Naam", b.contactpersoon.naam],
              ["E-mail", b.contactpersoon.email],
              ["Telefoon", b.contactpersoon.telefoon ?? "—"],
            ]}
          />
        ) : (
          <p>Er is geen contactpersoon geregistreerd.</p>
        )}
        <p className="mt-3 max-w-2xl text-grijs-5">
          De contactpersoon ontvangt de e-mails over leveringen en kan de signaleringslijst downloaden. Wijzigingen
          geeft u door aan het CBS.
        </p>
      </section>
    </div>
  );
}
