import Link from "next/link";
import { Formulier, Tekstveld, Vinkje } from "@/app/components/Formulier";
import { Gegevenslijst, Sectie } from "@/app/components/Sectie";
import type { berichtgeverDetail } from "@/lib/beheer/berichtgevers";
import {
  activeerBerichtgeverActie,
  beeindigGemeenteActie,
  deactiveerBerichtgeverActie,
  stelVrijgaveInBeheerActie,
  verwijderBackupActie,
  voegBackupToeActie,
  voegGemeenteToeActie,
  wijzigBerichtgeverActie,
  wijzigGegevensActie,
} from "@/lib/beheer/berichtgevers-acties";
import { datumLang, getal } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";

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
        <Tabel
          bijschrift={<>Back-up gebruikers van {b.naam}</>}
          label={`Back-up gebruikers van ${b.naam}`}
          className="mb-6"
          rijen={b.backups}
          sleutel={(u) => u.id}
          kolommen={[
            { kop: "Naam", cel: (u) => u.naam },
            { kop: "E-mail", cel: (u) => u.email },
            { kop: "Telefoon", cel: (u) => u.telefoon ?? "—" },
            { kop: "Status", cel: (u) => (u.actief ? "Actief" : "Verwijderd") },
            {
              kop: (
                <>
                  <span className="sr-only">Actie</span>
                </>
              ),
              cel: (u) => (
                <>
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
                </>
              ),
            },
          ]}
        />
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
      <Tabel
        bijschrift={<>Gemeenten van {b.naam}, met hun periode</>}
        label={`Gemeenten van ${b.naam}`}
        className="mb-6"
        rijen={b.toewijzingen}
        sleutel={(t) => t.id}
        kolommen={[
          { kop: "Gemeentecode", cel: (t) => t.gemeentecode },
          { kop: "Gemeente", cel: (t) => t.naam },
          { kop: "Vanaf", cel: (t) => t.vanafJaar },
          { kop: "Tot en met", cel: (t) => t.totEnMetJaar ?? "—" },
          { kop: <>In {jaar}</>, cel: (t) => (t.loopt ? "Ja" : "Nee") },
          {
            kop: (
              <>
                <span className="sr-only">Actie</span>
              </>
            ),
            cel: (t) => (
              <>
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
              </>
            ),
          },
        ]}
      />
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

export function VrijgaveSectie({ b }: Props) {
  return (
    <Sectie id="vrijgave" titel="Vrijgave van uploads">
      <p className="mb-4 max-w-3xl">
        {b.vrijgaveVereist
          ? "Uploads van back-upgebruikers en via API-tokens wachten op vrijgave door de contactpersoon."
          : "Uploads van back-upgebruikers en via API-tokens tellen direct als levering."}{" "}
        De contactpersoon kan dit ook zelf instellen.
      </p>
      <Formulier actie={stelVrijgaveInBeheerActie} knop="Opslaan" voorvoegsel="vrijgave" verborgen={{ code: b.code }}>
        <Vinkje
          naam="vrijgaveVereist"
          label="Uploads van back-upgebruikers en API-tokens wachten op vrijgave door de contactpersoon"
          hint="Ze worden wel direct gecontroleerd; de contactpersoon ziet ze op de startpagina en krijgt een e-mail."
          standaard={b.vrijgaveVereist}
        />
      </Formulier>
    </Sectie>
  );
}

export function HistorieSectie({ b }: Props) {
  return (
    <Sectie id="historie" titel="Eerdere en huidige contactpersonen">
      <Tabel
        bijschrift="Wie wanneer contactpersoon was"
        rijen={b.historie}
        sleutel={(h) => h.id}
        kolommen={[
          { kop: "Naam", cel: (h) => h.naam },
          { kop: "E-mail", cel: (h) => h.email },
          { kop: "Van", cel: (h) => datumLang(h.van) },
          { kop: "Tot", cel: (h) => (h.tot ? datumLang(h.tot) : "nu") },
        ]}
      />
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
