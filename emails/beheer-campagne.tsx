import * as React from "react";
import { Button, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";
import { getal } from "@/lib/swi/opmaak";

/**
 * A campaign (guidelines 4.2.3): one quality problem seen at many berichtgevers, with this
 * berichtgever's own counts. Counts only; the persons concerned are in the portal.
 */
export type BeheerCampagneProps = {
  berichtgeverCode: string;
  berichtgeverNaam: string;
  titel: string;
  /** Written by CBS staff. */
  toelichting: string;
  regels: { code: string; naam: string; aantal: number }[];
  totaal: number;
  url: string;
};

export function BeheerCampagneMail(p: BeheerCampagneProps) {
  return (
    <MailLayout preview={`Aandachtspunt SWI: ${p.titel}`}>
      <Text>Beste contactpersoon,</Text>
      <Text>
        Het CBS vraagt uw aandacht voor een kwaliteitsprobleem dat bij meerdere berichtgevers is gesignaleerd:{" "}
        <strong>{p.titel}</strong>.
      </Text>
      {p.toelichting.split(/\r?\n[ \t]*\r?\n/).map((alinea, i) => (
        <Text key={i}>{alinea}</Text>
      ))}
      <Text>
        In de laatste leveringen van berichtgever {p.berichtgeverCode} ({p.berichtgeverNaam}) kwam dit {getal(p.totaal)}{" "}
        keer voor:
      </Text>
      <ul>
        {p.regels.map((r) => (
          <li key={r.code}>
            {r.code} {r.naam}: {getal(r.aantal)}
          </li>
        ))}
      </ul>
      <Text>
        Welke personen het betreft, ziet u na inloggen in de signaleringslijst van uw levering. Wilt u dit bij de
        volgende levering extra aandacht geven?
      </Text>
      <Button href={p.url} style={knopStijl}>
        Naar uw leveringen
      </Button>
    </MailLayout>
  );
}

export async function beheerCampagneMail(props: BeheerCampagneProps) {
  const element = <BeheerCampagneMail {...props} />;
  return {
    onderwerp: `Aandachtspunt SWI: ${props.titel}`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
