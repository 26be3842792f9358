import Link from "next/link";
import { Formulier, Tekstveld } from "@/app/components/Formulier";
import { Gegevenslijst, Sectie } from "@/app/components/Sectie";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import type { berichtgeverDetail } from "@/lib/beheer/berichtgevers";
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
import { datumLang, getal } from "@/lib/swi/opmaak";

/** The parts of a berichtgever's staff page, one per concern, each with its own forms. */

type Berichtgever = NonNullable<Awaited<ReturnType<typeof berichtgeverDetail>>>;

interface Props {
  b: Berichtgever;
  jaar: number;
}

export function ContactpersoonSectie({ b }: Props) {
  return (
    <Sectie id="contact" titel="Contactpersoon">
      {b.contactpersoon ? (
        <Gegevenslijst
          labelBreedte="12rem"
          rijen={[
            ["Naam", b.contactpersoon.naam],
            ["E-mail", b.contactpersoon.email],
            ["Telefoon", b.contactpersoon.telefoon ?? "—"],
            ["Contactpersoon sinds", datumLang(b.contactpersoon.sinds)],
          ]}
        />
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
          <summary className="cursor-pointer font-semibold text-hemel-donker">Naam of telefoonnummer wijzigen</summary>
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
    </Sectie>
  );
}

export function BackupsSectie({ b }: Props) {
  return (
    <Sectie id="backup" titel="Back-up gebruikers">
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
              <Tekstveld naam="email" label="E-mailadres" type="email" hint="Het adres waarmee deze persoon inlogt." />
              <Tekstveld naam="telefoon" label="Telefoonnummer (niet verplicht)" type="tel" breedte="max-w-xs" />
            </Formulier>
          </div>
        </details>
      )}
    </Sectie>
  );
}

export function GemeentenSectie({ b, jaar }: Props) {
  const openToewijzingen = b.toewijzingen.filter((t) => t.totEnMetJaar === null);
  return (
    <Sectie id="gemeenten" titel="Gemeenten">
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
    </Sectie>
  );
}

export function GegevensSectie({ b }: Props) {
  return (
    <Sectie id="gegevens" titel="Gegevens">
      <Gegevenslijst
        rijen={[
          ["Aangemaakt op", datumLang(b.createdAt)],
          ["Aangeleverde bestanden", getal(b.aantalAanleveringen)],
          ["Actieve API-tokens", getal(b.actieveTokens)],
        ]}
      />
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
    </Sectie>
  );
}

export function HistorieSectie({ b }: Props) {
  return (
    <Sectie id="historie" titel="Eerdere en huidige contactpersonen">
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
    </Sectie>
  );
}

export function StatusSectie({ b }: Props) {
  return (
    <Sectie id="status" titel={b.actief ? "Deactiveren" : "Activeren"} className="">
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
    </Sectie>
  );
}
