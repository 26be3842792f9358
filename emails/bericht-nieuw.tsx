import * as React from "react";
import { Button, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";

/**
 * A new secure message in the portal. Only that there is one, and where: the message itself may
 * quote a BSN and stays in the portal.
 */
export interface BerichtNieuwProps {
  berichtgeverCode: string;
  /** "het CBS" or the berichtgever's name: who wrote. */
  van: string;
  /** The delivery the conversation is about, when it is about one. */
  bestandsnaam?: string | null;
  /** Absolute link to the conversation. */
  url: string;
}

export function BerichtNieuwMail(p: BerichtNieuwProps) {
  return (
    <MailLayout preview="Nieuw bericht in het SWI berichtgeversportaal">
      <Text>Goedendag,</Text>
      <Text>
        Er is een nieuw bericht van {p.van} in het SWI berichtgeversportaal (berichtgever {p.berichtgeverCode}
        {p.bestandsnaam ? `, over levering ${p.bestandsnaam}` : ""}). U leest het bericht in het portaal; het staat niet
        in deze e-mail.
      </Text>
      <Button href={p.url} style={knopStijl}>
        Lees het bericht
      </Button>
      <Text>U moet eerst inloggen; daarna komt u direct bij het bericht.</Text>
    </MailLayout>
  );
}

export async function berichtNieuwMail(props: BerichtNieuwProps) {
  const element = <BerichtNieuwMail {...props} />;
  return {
    onderwerp: `Nieuw bericht in het SWI-portaal (berichtgever ${props.berichtgeverCode})`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
