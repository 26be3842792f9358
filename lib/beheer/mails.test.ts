import { describe, expect, it } from "vitest";
import { SJABLONEN, type SjabloonNaam, type SjabloonParameters } from "@/emails/registry";
import { lijktPersoonsgegeven } from "@/lib/mail/wachtrij";
import type { BeheerSjabloon } from "./mail";

/** Every staff mail, rendered from the registry the queue uses: plain text present, no personal data. */
const VOORBEELDEN: { [N in BeheerSjabloon]: SjabloonParameters<N> } = {
  "beheer-welkom": {
    berichtgeverCode: "7001",
    berichtgeverNaam: "Werkplein Twente",
    gemeenten: ["0141 Almelo", "0153 Enschede"],
    inlogUrl: "https://swi.cbs.example.nl/inloggen",
  },
  "beheer-contactpersoon-gewijzigd": {
    berichtgeverCode: "0363",
    berichtgeverNaam: "Gemeente Amsterdam",
    ontvanger: "oud",
    datum: "23-11-2026",
    blijftBackup: true,
  },
  "beheer-herinnering": {
    berichtgeverCode: "9012",
    berichtgeverNaam: "Inburgering Midden-Twente",
    jaar: 2026,
    kwartaal: 1,
    uiterlijk: "28-04-2026",
    gemeenten: ["0147 Borne", "0164 Hengelo (O.)"],
    url: "https://swi.cbs.example.nl/berichtgever/9012/leveringen",
  },
  "beheer-campagne": {
    berichtgeverCode: "0153",
    berichtgeverNaam: "Gemeente Enschede",
    titel: "Ontzorgen zonder einddatum",
    toelichting: "Eerste alinea.\n\nTweede alinea.",
    regels: [{ code: "P09", naam: "ontzorgen", aantal: 4 }],
    totaal: 4,
    url: "https://swi.cbs.example.nl/berichtgever/0153/leveringen",
  },
  "bericht-nieuw": {
    berichtgeverCode: "0153",
    van: "0153 Gemeente Enschede",
    bestandsnaam: null,
    url: "https://swi.cbs.example.nl/berichtgever/0153/berichten",
  },
};

describe("staff mails", () => {
  it.each(Object.keys(VOORBEELDEN) as BeheerSjabloon[])(
    "%s renders with a plain-text part and no personal data",
    async (naam) => {
      const mail = await SJABLONEN[naam as SjabloonNaam](VOORBEELDEN[naam] as never);
      expect(mail.onderwerp.length).toBeGreaterThan(10);
      expect(mail.html).toContain("<html");
      expect(mail.tekst).not.toContain("<");
      expect(lijktPersoonsgegeven(`${mail.onderwerp}\n${mail.tekst}`)).toBe(false);
    },
  );

  it("say what matters", async () => {
    const welkom = await SJABLONEN["beheer-welkom"](VOORBEELDEN["beheer-welkom"]);
    expect(welkom.tekst).toContain("https://swi.cbs.example.nl/inloggen");
    expect(welkom.tekst).toContain("0141 Almelo, 0153 Enschede");
    const oud = await SJABLONEN["beheer-contactpersoon-gewijzigd"](VOORBEELDEN["beheer-contactpersoon-gewijzigd"]);
    expect(oud.tekst).toMatch(/geen contactpersoon meer/);
    expect(oud.tekst).toMatch(/back-up gebruiker/);
    const herinnering = await SJABLONEN["beheer-herinnering"](VOORBEELDEN["beheer-herinnering"]);
    expect(herinnering.onderwerp).toBe("Herinnering: levering SWI 2026 kwartaal 1 uiterlijk 28-04-2026");
    expect(herinnering.tekst).toContain("0164 Hengelo (O.)");
    const laat = await SJABLONEN["beheer-herinnering"]({
      ...VOORBEELDEN["beheer-herinnering"],
      termijnVerstreken: true,
    });
    expect(laat.tekst).toContain("is op 28-04-2026 verstreken");
    const campagne = await SJABLONEN["beheer-campagne"](VOORBEELDEN["beheer-campagne"]);
    expect(campagne.tekst).toContain("P09 ontzorgen: 4");
    expect(campagne.tekst).toContain("Tweede alinea.");
  });
});
