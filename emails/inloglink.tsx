import * as React from "react";
import { Button, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";

export interface InloglinkProps {
  naam: string;
  url: string;
  geldigMinuten: number;
}

export function InloglinkMail({ naam, url, geldigMinuten }: InloglinkProps) {
  return (
    <MailLayout preview="Uw inloglink voor het SWI berichtgeversportaal">
      <Text>Beste {naam},</Text>
      <Text>
        U heeft gevraagd om in te loggen op het SWI berichtgeversportaal. Open de link hieronder en klik op de knop
        &quot;Inloggen&quot;. De link is {geldigMinuten} minuten geldig en werkt één keer.
      </Text>
      <Button href={url} style={knopStijl}>
        Naar het portaal
      </Button>
      <Text>Heeft u niet om deze link gevraagd? Dan kunt u deze e-mail negeren; er gebeurt niets.</Text>
    </MailLayout>
  );
}

export async function inloglinkMail(props: InloglinkProps) {
  const element = <InloglinkMail {...props} />;
  return {
    onderwerp: "Inloggen op het SWI berichtgeversportaal",
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
