import * as React from "react";
import { Button, Link, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";
import { momentLang } from "@/lib/swi/opmaak";

export interface LeveringOntvangenProps {
  /** The uploaded file (an XML, or a zip). */
  bestandsnaam: string;
  ontvangenOp: string;
  /** The deliveries in it, each with the absolute link to its page in the portal. */
  leveringen: { bestandsnaam: string; url: string }[];
}

export function LeveringOntvangenMail({ bestandsnaam, ontvangenOp, leveringen }: LeveringOntvangenProps) {
  const eerste = leveringen[0];
  return (
    <MailLayout preview={`Wij hebben ${bestandsnaam} ontvangen`}>
      <Text>Geachte contactpersoon,</Text>
      <Text>
        Wij hebben uw bestand {bestandsnaam} ontvangen op {momentLang(ontvangenOp)}. Het bestand wordt nu gecontroleerd.
        U krijgt een e-mail zodra de controle klaar is.
      </Text>
      {leveringen.length > 1 ? (
        <>
          <Text>Het bestand bevat {leveringen.length} leveringen:</Text>
          {leveringen.map((l) => (
            <Text key={l.url} style={{ margin: "4px 0" }}>
              <Link href={l.url}>{l.bestandsnaam}</Link>
            </Text>
          ))}
        </>
      ) : null}
      {eerste ? (
        <Button href={eerste.url} style={knopStijl}>
          Bekijk de status in het portaal
        </Button>
      ) : null}
      <Text>U moet eerst inloggen; daarna komt u direct op de juiste pagina.</Text>
    </MailLayout>
  );
}

export async function leveringOntvangenMail(props: LeveringOntvangenProps) {
  const element = <LeveringOntvangenMail {...props} />;
  return {
    onderwerp: `Ontvangen: ${props.bestandsnaam}`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
