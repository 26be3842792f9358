import * as React from "react";
import { Body, Container, Head, Html, Preview, Section, Text } from "@react-email/components";

/** The frame every portal mail shares: CBS ribbon, content, and the standard footer. */
export function MailLayout({ preview, children }: { preview: string; children: React.ReactNode }) {
  return (
    <Html lang="nl">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f3f3f3", fontFamily: "Verdana, Arial, sans-serif", color: "#000" }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: "600px", margin: "0 auto" }}>
          <Section style={{ backgroundColor: "#154273", padding: "16px 24px" }}>
            <Text style={{ color: "#ffffff", fontSize: "18px", fontWeight: "bold", margin: 0 }}>
              CBS · SWI berichtgeversportaal
            </Text>
          </Section>
          <Section style={{ padding: "8px 24px 24px" }}>{children}</Section>
          <Section style={{ padding: "16px 24px", borderTop: "1px solid #e6e6e6" }}>
            <Text style={{ fontSize: "12px", color: "#696969", margin: 0 }}>
              Dit bericht is automatisch verstuurd door het SWI berichtgeversportaal van het CBS. Deze e-mail bevat
              nooit persoonsgegevens; u vindt alle gegevens na inloggen in het portaal. Vragen over de SWI:
              wetinburgering@cbs.nl.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const knopStijl: React.CSSProperties = {
  backgroundColor: "#01689b",
  color: "#ffffff",
  padding: "12px 20px",
  fontWeight: "bold",
  textDecoration: "none",
  display: "inline-block",
};
