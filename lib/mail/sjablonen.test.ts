import { describe, expect, it } from "vitest";
import { SJABLONEN, type Sjabloon, type SjabloonNaam, type SjabloonParameters } from "@/emails/registry";
import { lijktPersoonsgegeven } from "./wachtrij";

/**
 * One realistic example per template: the type makes every new template in emails/registry.ts
 * add one here, so that every mail the portal can send is rendered and checked.
 */
const VOORBEELDEN: { [N in SjabloonNaam]: SjabloonParameters<N> } = {
  "levering-ontvangen": {
    bestandsnaam: "kwartaal3.zip",
    ontvangenOp: "2026-10-12T09:41:00.000Z",
    leveringen: [
      {
        bestandsnaam: "SWI_9012_0147_20263.XML",
        url: "https://portaal.test/berichtgever/9012/leveringen/cm0levering0000001",
      },
      {
        bestandsnaam: "SWI_9012_0164_20263.XML",
        url: "https://portaal.test/berichtgever/9012/leveringen/cm0levering0000002",
      },
    ],
  },
  "levering-afgekeurd": {
    bestandsnaam: "SWI_0153_0153_20263.XML",
    gemeentecode: "0153",
    gemeentenaam: "Enschede",
    statistiekjaar: 2026,
    statistiekkwartaal: 3,
    aantalFouten: 1234,
    url: "https://portaal.test/berichtgever/0153/leveringen/cm0levering0000003",
  },
  "levering-verwerkt": {
    bestandsnaam: "SWI_0153_0153_20263.XML",
    gemeentecode: "0153",
    gemeentenaam: "Enschede",
    statistiekjaar: 2026,
    statistiekkwartaal: 3,
    aantalPersonen: 187654,
    aantalSignalen: 12,
    url: "https://portaal.test/berichtgever/0153/leveringen/cm0levering0000004/spiegelrapport",
  },
  "signaleringslijst-klaar": {
    bestandsnaam: "SWI_0153_0153_20263.XML",
    gemeentecode: "0153",
    gemeentenaam: "Enschede",
    statistiekjaar: 2026,
    statistiekkwartaal: 3,
    aantalSignalen: 12,
    url: "https://portaal.test/berichtgever/0153/leveringen/cm0levering0000004/signaleringslijst",
    beschikbaarTot: "2026-10-26T09:41:00.000Z",
  },
  "proef-gecontroleerd": {
    wachtOpVrijgave: true,
    url: "https://portaal.test/berichtgever/0153/leveringen/cm0levering0000005",
  },
  "beheer-welkom": {
    berichtgeverCode: "9012",
    berichtgeverNaam: "Inburgering Midden-Twente",
    gemeenten: ["0147 Borne", "0164 Hengelo"],
    inlogUrl: "https://portaal.test/inloggen",
  },
  "beheer-contactpersoon-gewijzigd": {
    berichtgeverCode: "0153",
    berichtgeverNaam: "Gemeente Enschede",
    ontvanger: "oud",
    datum: "01-10-2026",
    blijftBackup: true,
  },
  "beheer-herinnering": {
    berichtgeverCode: "0153",
    berichtgeverNaam: "Gemeente Enschede",
    jaar: 2026,
    kwartaal: 3,
    uiterlijk: "28-10-2026",
    gemeenten: ["0153 Enschede"],
    url: "https://portaal.test/berichtgever/0153",
  },
  "beheer-campagne": {
    berichtgeverCode: "0153",
    berichtgeverNaam: "Gemeente Enschede",
    titel: "Vulling Alfabetiseringscursus",
    toelichting: "Wij zien dat kenmerk 18 vaak leeg is.",
    regels: [{ code: "F02", naam: "alfabetisering-leeg", aantal: 3 }],
    totaal: 3,
    url: "https://portaal.test/berichtgever/0153",
  },
  "bericht-nieuw": {
    berichtgeverCode: "0153",
    van: "het CBS",
    bestandsnaam: "SWI_0153_0153_20263.XML",
    url: "https://portaal.test/berichtgever/0153/berichten?levering=abc",
  },
};

const NEGEN_CIJFERS = /(?<!\d)\d{9}(?!\d)/;

describe("every mail template", () => {
  for (const naam of Object.keys(SJABLONEN) as SjabloonNaam[]) {
    it(`${naam}: Dutch subject, HTML and plain text, no BSN-like number`, async () => {
      const mail = await (SJABLONEN[naam] as Sjabloon)(VOORBEELDEN[naam]);
      expect(mail.onderwerp.length).toBeGreaterThan(5);
      expect(mail.html).toMatch(/<html[^>]*lang="nl"/);
      expect(mail.tekst.trim().length).toBeGreaterThan(50);
      expect(mail.tekst).not.toMatch(/<[a-z]+[ >]/i);
      for (const deel of [mail.onderwerp, mail.tekst, mail.html]) expect(deel).not.toMatch(NEGEN_CIJFERS);
      expect(lijktPersoonsgegeven(`${mail.onderwerp}\n${mail.tekst}`)).toBe(false);
      // Every link in the parameters is in both parts (a text-only reader can follow it too).
      for (const url of JSON.stringify(VOORBEELDEN[naam]).match(/https:\/\/[^"]+/g) ?? []) {
        expect(mail.tekst).toContain(url);
        expect(mail.html).toContain(url);
      }
    });
  }

  it("the delivery mails say what they must", async () => {
    const klaar = await SJABLONEN["signaleringslijst-klaar"](VOORBEELDEN["signaleringslijst-klaar"]);
    expect(klaar.tekst).toContain("beschikbaar tot 26 oktober 2026");
    const afgekeurd = await SJABLONEN["levering-afgekeurd"](VOORBEELDEN["levering-afgekeurd"]);
    expect(afgekeurd.tekst).toMatch(/1\.234 fouten/);
    const ontvangen = await SJABLONEN["levering-ontvangen"](VOORBEELDEN["levering-ontvangen"]);
    expect(ontvangen.tekst).toContain("12 oktober 2026 om 11:41");
  });
});

describe("lijktPersoonsgegeven", () => {
  it("finds a BSN, also written with spaces or dots, but not in links, counts or dates", () => {
    expect(lijktPersoonsgegeven("BSN 123456782 ontbreekt")).toBe(true);
    expect(lijktPersoonsgegeven("BSN 1234 56 782")).toBe(true);
    expect(lijktPersoonsgegeven("zie https://portaal.test/x/123456789/y")).toBe(false);
    expect(lijktPersoonsgegeven("187.654 personen, 2026 kwartaal 3, 12 signalen")).toBe(false);
  });
});
