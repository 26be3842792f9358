import * as React from "react";
import { Button, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";
import { onderwerpLevering } from "./levering-opmaak";
import { datumLang, aantal } from "@/lib/swi/opmaak";

export interface SignaleringslijstKlaarProps {
  bestandsnaam: string;
  gemeentecode?: string | null;
  gemeentenaam?: string | null;
  statistiekjaar?: number | null;
  statistiekkwartaal?: number | null;
  aantalSignalen: number;
  /** Absolute link to the signaleringslijst page. */
  url: string;
  /** ISO moment after which the list is deleted. */
  beschikbaarTot: string;
}

export function SignaleringslijstKlaarMail(p: SignaleringslijstKlaarProps) {
  const over = onderwerpLevering(p);
  return (
    <MailLayout preview={`Signaleringslijst bij ${p.bestandsnaam}`}>
      <Text>Geachte contactpersoon,</Text>
      <Text>
        Bij uw levering {p.bestandsnaam}
        {over ? ` (${over})` : ""} staat een signaleringslijst klaar met{" "}
        {aantal(p.aantalSignalen, "signaal", "signalen")}. Signalen keuren de levering niet af: controleer ze en
        corrigeer waar nodig uw registratie, zodat de volgende levering klopt.
      </Text>
      <Button href={p.url} style={knopStijl}>
        Download de signaleringslijst
      </Button>
      <Text>
        De lijst is beschikbaar tot {datumLang(p.beschikbaarTot)}; daarna wordt hij verwijderd. U moet eerst inloggen;
        daarna komt u direct op de juiste pagina.
      </Text>
    </MailLayout>
  );
}

export async function signaleringslijstKlaarMail(props: SignaleringslijstKlaarProps) {
  const element = <SignaleringslijstKlaarMail {...props} />;
  return {
    onderwerp: `Signaleringslijst beschikbaar: ${props.bestandsnaam}`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
