import Link from "next/link";
import { notFound } from "next/navigation";
import { vereisCbs } from "@/lib/auth/actor";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { berichtgeverDetail } from "@/lib/beheer/berichtgevers";
import {
  activeerBerichtgeverActie,
  beeindigGemeenteActie,
  deactiveerBerichtgeverActie,
  verwijderBackupActie,
  voegBackupToeActie,
  voegGemeenteToeActie,
  wijzigBerichtgeverActie,
  wijzigGegevensActie,
} from "@/lib/beheer/berichtgevers-acties";
import { BeheerKop, Melding } from "@/app/components/Kop";
import { Formulier, Tekstveld } from "@/app/components/Formulier";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { isViercijfercode } from "@/lib/db/validation";
import { datumLang, getal } from "@/lib/swi/opmaak";

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
  const openToewijzingen = b.toewijzingen.filter((t) => t.totEnMetJaar === null);

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

      <section aria-labelledby="contact-titel" className="mb-10">
        <h2 id="contact-titel" className="mb-3 text-2xl font-semibold">
          Contactpersoon
        </h2>
        {b.contactpersoon ? (
          <dl className="mb-4 grid max-w-2xl grid-cols-1 sm:grid-cols-[12rem_1fr] gap-y-1">
            <dt className="font-semibold">Naam</dt>
            <dd>{b.contactpersoon.naam}</dd>
            <dt className="font-semibold">E-mail</dt>
            <dd>{b.contactpersoon.email}</dd>
            <dt className="font-semibold">Telefoon</dt>
            <dd>{b.contactpersoon.telefoon ?? "—"}</dd>
            <dt className="font-semibold">Contactpersoon sinds</dt>
            <dd>{datumLang(b.contactpersoon.sinds)}</dd>
          </dl>
        ) : (
          <p className="mb-4">Er is geen contactpersoon geregistreerd.</p>
        )}
        {b.actief && (
          <p className="mb-4">
            <Link href={`/beheer/berichtgevers/${b.code}/contactpersoon`} className="knop-secundair">
              {b.contactpersoon ? "Contactpersoon vervangen" : "Contactpersoon registreren"}
            </Link>
          </p>
        )}
        {b.contactpersoon && (
          <details className="mb-4">
            <summary className="cursor-pointer font-semibold text-hemel-donker">
              Naam of telefoonnummer wijzigen
            </summary>
            <div className="mt-3">
              <Formulier
                actie={wijzigGegevensActie}
                knop="Opslaan"
                voorvoegsel="cp"
                verborgen={{ userId: b.contactpersoon.userId }}
              >
                <Tekstveld naam="naam" label="Naam" standaard={b.contactpersoon.naam} />
                <Tekstveld
                  naam="telefoon"
                  label="Telefoonnummer (niet verplicht)"
                  type="tel"
                  standaard={b.contactpersoon.telefoon ?? ""}
                  breedte="max-w-xs"
                />
              </Formulier>
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="backup-titel" className="mb-10">
        <h2 id="backup-titel" className="mb-2 text-2xl font-semibold">
          Back-up gebruikers
        </h2>
        <p className="mb-4 max-w-3xl text-grijs-5">
          Back-up gebruikers kunnen bestanden aanleveren en de status en spiegelrapporten volgen. Zij ontvangen geen
          e-mails en kunnen geen lijsten met persoonsgegevens (signaleringslijsten) downloaden.
        </p>
        {b.backups.length > 0 && (
          <Tabelgebied label="Back-up gebruikers van, horizontaal te scrollen">
            <table className="tabel mb-6">
              <caption className="sr-only">Back-up gebruikers van {b.naam}</caption>
              <thead>
                <tr>
                  <th scope="col">Naam</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Telefoon</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="sr-only">Actie</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {b.backups.map((u) => (
                  <tr key={u.id}>
                    <td>{u.naam}</td>
                    <td>{u.email}</td>
                    <td>{u.telefoon ?? "—"}</td>
                    <td>{u.actief ? "Actief" : "Verwijderd"}</td>
                    <td>
                      {u.actief && (
                        <Formulier
                          actie={verwijderBackupActie}
                          knop={`${u.naam} verwijderen`}
                          knopStijl="knop-secundair"
                          voorvoegsel={`bk-${u.id}`}
                          verborgen={{ userId: u.id }}
                          className=""
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Tabelgebied>
        )}
        {b.actief && (
          <details>
            <summary className="cursor-pointer font-semibold text-hemel-donker">Back-up gebruiker toevoegen</summary>
            <div className="mt-3">
              <Formulier
                actie={voegBackupToeActie}
                knop="Back-up gebruiker toevoegen"
                voorvoegsel="nieuw-bk"
                verborgen={{ berichtgeverId: b.id }}
              >
                <Tekstveld naam="naam" label="Naam" />
                <Tekstveld
                  naam="email"
                  label="E-mailadres"
                  type="email"
                  hint="Het adres waarmee deze persoon inlogt."
                />
                <Tekstveld naam="telefoon" label="Telefoonnummer (niet verplicht)" type="tel" breedte="max-w-xs" />
              </Formulier>
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="gemeenten-titel" className="mb-10">
        <h2 id="gemeenten-titel" className="mb-2 text-2xl font-semibold">
          Gemeenten
        </h2>
        <p className="mb-4 max-w-3xl text-grijs-5">
          Een wijziging gaat in vanaf een statistiekjaar; eerdere jaren blijven zoals ze waren. {b.codelijst}
        </p>
        <Tabelgebied label="Gemeenten van, horizontaal te scrollen">
          <table className="tabel mb-6">
            <caption className="sr-only">Gemeenten van {b.naam}, met hun periode</caption>
            <thead>
              <tr>
                <th scope="col">Gemeentecode</th>
                <th scope="col">Gemeente</th>
                <th scope="col">Vanaf</th>
                <th scope="col">Tot en met</th>
                <th scope="col">In {jaar}</th>
                <th scope="col">
                  <span className="sr-only">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {b.toewijzingen.map((t) => (
                <tr key={t.id}>
                  <td>{t.gemeentecode}</td>
                  <td>{t.naam}</td>
                  <td>{t.vanafJaar}</td>
                  <td>{t.totEnMetJaar ?? "—"}</td>
                  <td>{t.loopt ? "Ja" : "Nee"}</td>
                  <td>
                    {t.totEnMetJaar === null && (
                      <details>
                        <summary className="cursor-pointer text-hemel-donker">Beëindigen</summary>
                        <div className="mt-2">
                          <Formulier
                            actie={beeindigGemeenteActie}
                            knop={`${t.gemeentecode} beëindigen`}
                            knopStijl="knop-secundair"
                            voorvoegsel={`tw-${t.id}`}
                            verborgen={{ toewijzingId: t.id }}
                            className=""
                          >
                            <Tekstveld
                              naam="vanafJaar"
                              label="Niet meer vanaf statistiekjaar"
                              standaard={String(jaar + 1)}
                              breedte="max-w-[8rem]"
                              inputMode="numeric"
                            />
                          </Formulier>
                        </div>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Tabelgebied>
        {b.actief && (
          <details open={openToewijzingen.length === 0}>
            <summary className="cursor-pointer font-semibold text-hemel-donker">Gemeente toevoegen</summary>
            <div className="mt-3">
              <Formulier
                actie={voegGemeenteToeActie}
                knop="Gemeente toevoegen"
                voorvoegsel="nieuw-tw"
                verborgen={{ berichtgeverId: b.id }}
              >
                <Tekstveld
                  naam="gemeentecode"
                  label="Gemeentecode"
                  hint="4 cijfers, bijvoorbeeld 0153."
                  breedte="max-w-[10rem]"
                  inputMode="numeric"
                />
                <Tekstveld
                  naam="vanafJaar"
                  label="Vanaf statistiekjaar"
                  standaard={String(jaar)}
                  breedte="max-w-[10rem]"
                  inputMode="numeric"
                />
              </Formulier>
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="gegevens-titel" className="mb-10">
        <h2 id="gegevens-titel" className="mb-3 text-2xl font-semibold">
          Gegevens
        </h2>
        <dl className="mb-4 grid max-w-2xl grid-cols-1 sm:grid-cols-[14rem_1fr] gap-y-1">
          <dt className="font-semibold">Aangemaakt op</dt>
          <dd>{datumLang(b.createdAt)}</dd>
          <dt className="font-semibold">Aangeleverde bestanden</dt>
          <dd>{getal(b.aantalAanleveringen)}</dd>
          <dt className="font-semibold">Actieve API-tokens</dt>
          <dd>{b.actieveTokens}</dd>
        </dl>
        <details>
          <summary className="cursor-pointer font-semibold text-hemel-donker">Code of naam wijzigen</summary>
          <div className="mt-3">
            <Formulier
              actie={wijzigBerichtgeverActie}
              knop="Opslaan"
              voorvoegsel="bg"
              verborgen={{ berichtgeverId: b.id }}
            >
              <Tekstveld
                naam="code"
                label="Berichtgevercode"
                standaard={b.code}
                hint={
                  b.aantalAanleveringen
                    ? "Kan niet meer wijzigen: er zijn al bestanden met deze code aangeleverd."
                    : "4 cijfers."
                }
                breedte="max-w-[10rem]"
                inputMode="numeric"
              />
              <Tekstveld naam="naam" label="Naam" standaard={b.naam} />
            </Formulier>
          </div>
        </details>
      </section>

      <section aria-labelledby="historie-titel" className="mb-10">
        <h2 id="historie-titel" className="mb-3 text-2xl font-semibold">
          Eerdere en huidige contactpersonen
        </h2>
        <Tabelgebied label="Wie wanneer contactpersoon was, horizontaal te scrollen">
          <table className="tabel">
            <caption className="sr-only">Wie wanneer contactpersoon was</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">E-mail</th>
                <th scope="col">Van</th>
                <th scope="col">Tot</th>
              </tr>
            </thead>
            <tbody>
              {b.historie.map((h) => (
                <tr key={h.id}>
                  <td>{h.naam}</td>
                  <td>{h.email}</td>
                  <td>{datumLang(h.van)}</td>
                  <td>{h.tot ? datumLang(h.tot) : "nu"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Tabelgebied>
      </section>

      <section aria-labelledby="status-titel">
        <h2 id="status-titel" className="mb-3 text-2xl font-semibold">
          {b.actief ? "Deactiveren" : "Activeren"}
        </h2>
        {b.actief ? (
          <>
            <p className="mb-4 max-w-3xl">
              Een berichtgever wordt nooit verwijderd: leveringen, auditlog en contacthistorie blijven bewaard. Na
              deactiveren kan niemand van deze berichtgever nog inloggen of via de API leveren; iedereen wordt direct
              uitgelogd en alle API-tokens worden ingetrokken.
            </p>
            <Formulier
              actie={deactiveerBerichtgeverActie}
              knop="Berichtgever deactiveren"
              knopStijl="knop-secundair"
              voorvoegsel="deact"
              verborgen={{ berichtgeverId: b.id }}
            />
          </>
        ) : (
          <>
            <p className="mb-4 max-w-3xl">
              Na activeren kan de contactpersoon weer inloggen. Back-up gebruikers en API-tokens moeten opnieuw worden
              toegevoegd.
            </p>
            <Formulier
              actie={activeerBerichtgeverActie}
              knop="Berichtgever activeren"
              voorvoegsel="act"
              verborgen={{ berichtgeverId: b.id }}
            />
          </>
        )}
      </section>
    </div>
  );
}
