import * as React from "react";
import { Button, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";
import { onderwerpLevering } from "./levering-opmaak";
import { aantal } from "@/lib/swi/opmaak";

export interface LeveringVerwerktProps {
  bestandsnaam: string;
  gemeentecode?: string | null;
  gemeentenaam?: string | null;
  statistiekjaar?: number | null;
  statistiekkwartaal?: number | null;
  aantalPersonen: number;
  /** Person-level signals; the signaleringslijst has its own mail. */
  aantalSignalen: number;
  /** How many earlier deliveries of the same gemeente and quarter this one replaces. */
  vervangt?: number;
  /** Absolute link to the spiegelrapport. */
  url: string;
}

export function LeveringVerwerktMail(p: LeveringVerwerktProps) {
  const over = onderwerpLevering(p);
  return (
    <MailLayout preview={`${p.bestandsnaam} is verwerkt`}>
      <Text>Geachte contactpersoon,</Text>
      <Text>
        Uw levering {p.bestandsnaam}
        {over ? ` (${over})` : ""} is goedgekeurd en verwerkt. Het bestand bevat{" "}
        {aantal(p.aantalPersonen, "persoon", "personen")}.
        {p.aantalSignalen > 0
          ? ` Bij de statistische controle ${p.aantalSignalen === 1 ? "is" : "zijn"} ${aantal(p.aantalSignalen, "signaal", "signalen")} gevonden; daarover krijgt u een aparte e-mail.`
          : " Bij de statistische controle zijn geen signalen over personen gevonden."}
      </Text>
      <Text>
        Deze levering is nu de geldende levering voor dit kwartaal
        {p.vervangt
          ? `; zij vervangt ${p.vervangt === 1 ? "uw eerdere levering" : `${aantal(p.vervangt, "eerdere levering", "eerdere leveringen")}`}`
          : ""}
        .
      </Text>
      <Text>In het spiegelrapport ziet u de aantallen uit uw levering naast die van het vorige kwartaal.</Text>
      <Button href={p.url} style={knopStijl}>
        Bekijk het spiegelrapport
      </Button>
      <Text>U moet eerst inloggen; daarna komt u direct op de juiste pagina.</Text>
    </MailLayout>
  );
}

export async function leveringVerwerktMail(props: LeveringVerwerktProps) {
  const element = <LeveringVerwerktMail {...props} />;
  return {
    onderwerp: `Verwerkt: ${props.bestandsnaam}`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
