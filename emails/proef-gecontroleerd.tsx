import * as React from "react";
import { Button, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";

export interface ProefGecontroleerdProps {
  /** Uploaded by a back-up user or an API token, waiting for the contact person's release. */
  wachtOpVrijgave: boolean;
  /** Absolute link to the delivery's page; the mail says nothing more about it. */
  url: string;
}

export function ProefGecontroleerdMail({ wachtOpVrijgave, url }: ProefGecontroleerdProps) {
  return (
    <MailLayout preview={wachtOpVrijgave ? "Een upload wacht op uw vrijgave" : "Uw proeflevering is gecontroleerd"}>
      <Text>Geachte contactpersoon,</Text>
      {wachtOpVrijgave ? (
        <Text>
          Er is een bestand voor uw organisatie aangeleverd en goedgekeurd dat pas telt als levering wanneer u het
          vrijgeeft. Bekijk in het portaal de controle en het spiegelrapport, en geef het vrij als het klopt.
        </Text>
      ) : (
        <Text>
          Uw proeflevering is gecontroleerd en goedgekeurd. Zij telt niet als levering; in het portaal ziet u de
          controle, het spiegelrapport en de signaleringslijst, en kunt u haar vrijgeven als levering.
        </Text>
      )}
      <Text>Een proeflevering die niet binnen 14 dagen is vrijgegeven, wordt verwijderd.</Text>
      <Button href={url} style={knopStijl}>
        {wachtOpVrijgave ? "Bekijken en vrijgeven" : "Bekijk de proeflevering"}
      </Button>
      <Text>U moet eerst inloggen; daarna komt u direct op de juiste pagina.</Text>
    </MailLayout>
  );
}

export async function proefGecontroleerdMail(props: ProefGecontroleerdProps) {
  const element = <ProefGecontroleerdMail {...props} />;
  return {
    onderwerp: props.wachtOpVrijgave ? "Een upload wacht op uw vrijgave" : "Uw proeflevering is gecontroleerd",
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
