import * as React from "react";
import { Button, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";

/** To a newly registered contact person. Parameters carry no personal data: the berichtgever and a link. */
export type BeheerWelkomProps = {
  berichtgeverCode: string;
  berichtgeverNaam: string;
  /** e.g. ["0153 Enschede"] */
  gemeenten: string[];
  /** The portal's sign-in page. */
  inlogUrl: string;
};

export function BeheerWelkomMail({ berichtgeverCode, berichtgeverNaam, gemeenten, inlogUrl }: BeheerWelkomProps) {
  return (
    <MailLayout preview={`U bent contactpersoon voor de SWI van ${berichtgeverNaam}`}>
      <Text>Beste contactpersoon,</Text>
      <Text>
        Het CBS heeft u geregistreerd als contactpersoon van berichtgever {berichtgeverCode} ({berichtgeverNaam}) voor
        de Statistiek Wet Inburgering (SWI).
      </Text>
      {gemeenten.length > 0 && <Text>U levert gegevens voor: {gemeenten.join(", ")}.</Text>}
      <Text>
        Als contactpersoon levert u elk kwartaal de bestanden aan via het SWI berichtgeversportaal, ontvangt u de
        e-mails over uw leveringen en kunt u de signaleringslijsten downloaden.
      </Text>
      <Text>
        U logt in met dit e-mailadres. Op de inlogpagina vraagt u een inloglink aan; die ontvangt u per e-mail.
      </Text>
      <Button href={inlogUrl} style={knopStijl}>
        Naar het inloggen
      </Button>
      <Text>Of kopieer dit adres in uw browser: {inlogUrl}</Text>
    </MailLayout>
  );
}

export async function beheerWelkomMail(props: BeheerWelkomProps) {
  const element = <BeheerWelkomMail {...props} />;
  return {
    onderwerp: `U bent contactpersoon SWI voor ${props.berichtgeverCode} ${props.berichtgeverNaam}`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
