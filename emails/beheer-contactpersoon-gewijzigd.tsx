import * as React from "react";
import { Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout } from "./layout";

/**
 * Notice that the contact person of a berichtgever changed, to the old and to the new address
 * (so a change nobody asked for is noticed at once). No names: only the berichtgever and the date.
 */
export type BeheerContactpersoonGewijzigdProps = {
  berichtgeverCode: string;
  berichtgeverNaam: string;
  /** "oud": to the person who is no longer contact person; "nieuw": to the new one. */
  ontvanger: "oud" | "nieuw";
  /** dd-mm-jjjj */
  datum: string;
  /** The old person stays on as back-up user (only meaningful for "oud"). */
  blijftBackup?: boolean;
};

export function BeheerContactpersoonGewijzigdMail(p: BeheerContactpersoonGewijzigdProps) {
  return (
    <MailLayout preview={`Nieuwe contactpersoon SWI voor ${p.berichtgeverNaam}`}>
      <Text>Beste heer of mevrouw,</Text>
      {p.ontvanger === "oud" ? (
        <>
          <Text>
            Het CBS heeft op {p.datum} een nieuwe contactpersoon geregistreerd voor berichtgever {p.berichtgeverCode} (
            {p.berichtgeverNaam}). U bent vanaf nu geen contactpersoon meer: u ontvangt geen e-mails over leveringen
            meer en kunt geen signaleringslijsten meer downloaden.
          </Text>
          <Text>
            {p.blijftBackup
              ? "U blijft back-up gebruiker: u kunt na opnieuw inloggen nog bestanden aanleveren en de status en spiegelrapporten bekijken. U bent uitgelogd en API-tokens die u heeft aangemaakt zijn ingetrokken."
              : "Uw toegang tot het SWI berichtgeversportaal is beëindigd; u bent uitgelogd en API-tokens die u heeft aangemaakt zijn ingetrokken."}
          </Text>
        </>
      ) : (
        <Text>
          Het CBS heeft u op {p.datum} geregistreerd als nieuwe contactpersoon van berichtgever {p.berichtgeverCode} (
          {p.berichtgeverNaam}). De vorige contactpersoon heeft hiervan ook bericht gekregen.
        </Text>
      )}
      <Text>Klopt dit niet? Neem dan direct contact op met het CBS via wetinburgering@cbs.nl.</Text>
    </MailLayout>
  );
}

export async function beheerContactpersoonGewijzigdMail(props: BeheerContactpersoonGewijzigdProps) {
  const element = <BeheerContactpersoonGewijzigdMail {...props} />;
  return {
    onderwerp: `Wijziging contactpersoon SWI voor ${props.berichtgeverCode} ${props.berichtgeverNaam}`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
