import * as React from "react";
import { Button, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { MailLayout, knopStijl } from "./layout";

/** Reminder to a contact person whose gemeenten have not delivered for a quarter yet. */
export type BeheerHerinneringProps = {
  berichtgeverCode: string;
  berichtgeverNaam: string;
  jaar: number;
  kwartaal: number;
  /** Last day of the aanleverperiode, dd-mm-jjjj. */
  uiterlijk: string;
  /** The aanleverperiode is already over (a reminder sent by staff afterwards). */
  termijnVerstreken?: boolean;
  /** e.g. ["0153 Enschede"] */
  gemeenten: string[];
  url: string;
};

export function BeheerHerinneringMail(p: BeheerHerinneringProps) {
  return (
    <MailLayout preview={`Herinnering: levering SWI ${p.jaar} kwartaal ${p.kwartaal}`}>
      <Text>Beste contactpersoon,</Text>
      <Text>
        Het CBS heeft voor het {p.kwartaal}e kwartaal van {p.jaar} nog geen levering ontvangen van berichtgever{" "}
        {p.berichtgeverCode} ({p.berichtgeverNaam}) voor:
      </Text>
      <ul>
        {p.gemeenten.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
      <Text>
        {p.termijnVerstreken
          ? `De aanleverperiode is op ${p.uiterlijk} verstreken. Wilt u de bestanden zo snel mogelijk aanleveren via het portaal?`
          : `De aanleverperiode loopt tot en met ${p.uiterlijk}. Wilt u de bestanden uiterlijk op die dag aanleveren via het portaal?`}{" "}
        Heeft u inmiddels geleverd, dan kunt u dit bericht negeren.
      </Text>
      <Button href={p.url} style={knopStijl}>
        Naar het portaal
      </Button>
      <Text>Voorziet u problemen met de levering? Laat het ons weten via wetinburgering@cbs.nl.</Text>
    </MailLayout>
  );
}

export async function beheerHerinneringMail(props: BeheerHerinneringProps) {
  const element = <BeheerHerinneringMail {...props} />;
  return {
    onderwerp: props.termijnVerstreken
      ? `Herinnering: levering SWI ${props.jaar} kwartaal ${props.kwartaal} ontbreekt`
      : `Herinnering: levering SWI ${props.jaar} kwartaal ${props.kwartaal} uiterlijk ${props.uiterlijk}`,
    html: await render(element),
    tekst: await render(element, { plainText: true }),
  };
}
