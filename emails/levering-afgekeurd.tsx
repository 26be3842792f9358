import * as React from "react";
import { Button, Link, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";
import { onderwerpLevering } from "./levering-opmaak";
import { aantal, momentLang } from "@/lib/swi/opmaak";

export interface LeveringAfgekeurdProps {
  bestandsnaam: string;
  gemeentecode?: string | null;
  gemeentenaam?: string | null;
  statistiekjaar?: number | null;
  statistiekkwartaal?: number | null;
  aantalFouten: number;
  /** Absolute link to the delivery's page with the errors. */
  url: string;
  /** An earlier accepted delivery for the same gemeente and quarter: it still counts. */
  geldend?: { bestandsnaam: string; ontvangenOp: string; url: string };
}

export function LeveringAfgekeurdMail(p: LeveringAfgekeurdProps) {
  const over = onderwerpLevering(p);
  return (
    <MailLayout preview={`${p.bestandsnaam} is afgekeurd`}>
      <Text>Geachte contactpersoon,</Text>
      <Text>
        Uw levering {p.bestandsnaam}
        {over ? ` (${over})` : ""} is bij de technische controle afgekeurd. Er {p.aantalFouten === 1 ? "is" : "zijn"}{" "}
        {aantal(p.aantalFouten, "fout", "fouten")} gevonden. De levering is daarom niet verwerkt.
      </Text>
      <Button href={p.url} style={knopStijl}>
        Bekijk de fouten
      </Button>
      {p.geldend ? (
        <Text>
          Uw eerdere levering {p.geldend.bestandsnaam}, ontvangen op {momentLang(p.geldend.ontvangenOp)}, blijft gelden
          voor dit kwartaal: <Link href={p.geldend.url}>bekijk de geldende levering</Link>. Wilt u haar vervangen,
          herstel dan de fouten en lever het bestand opnieuw aan. U moet eerst inloggen; daarna komt u direct op de
          juiste pagina.
        </Text>
      ) : (
        <Text>
          Herstel de fouten en lever het bestand opnieuw aan. U moet eerst inloggen; daarna komt u direct op de juiste
          pagina.
        </Text>
      )}
    </MailLayout>
  );
}

export async function leveringAfgekeurdMail(props: LeveringAfgekeurdProps) {
  const element = <LeveringAfgekeurdMail {...props} />;
  return {
    onderwerp: `Afgekeurd: ${props.bestandsnaam}`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
