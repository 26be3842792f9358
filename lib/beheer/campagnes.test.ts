import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeveringStatus } from "@/lib/generated/prisma/enums";
import { beheerTest, type BeheerTest } from "./beheer.testhulp";
import { ActieFout } from "@/lib/acties/context";
import { campagneVoorbeeld, verstuurCampagne, campagneSchema } from "./campagnes";
import { SJABLONEN } from "@/emails/registry";

let h: BeheerTest;

async function levering(
  code: string,
  gemeentecode: string,
  jaar: number,
  kwartaal: number,
  status: LeveringStatus,
  perRegel: Record<string, number>,
) {
  const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code } });
  return h.db.levering.create({
    data: {
      berichtgeverId: b.id,
      gemeentecode,
      statistiekjaar: jaar,
      statistiekkwartaal: kwartaal,
      bestandsnaam: `SWI_${code}_${gemeentecode}_${jaar}${kwartaal}.XML`,
      grootte: 1n,
      sha256: crypto.randomBytes(32).toString("hex"),
      bron: "PORTAAL",
      status,
      spiegelrapport: { signalenPerRegel: { P09: 0, P13: 0, ...perRegel } },
    },
  });
}

beforeAll(async () => {
  h = await beheerTest();
  await levering("0153", "0153", 2026, 1, "VERVANGEN", { P09: 50 });
  await levering("0153", "0153", 2026, 1, "VERWERKT", { P09: 4, P13: 1 });
  await levering("0153", "0153", 2025, 4, "VERWERKT", { P09: 99 }); // older quarter: not the latest
  await levering("0363", "0363", 2026, 1, "VERWERKT", { P09: 0, P13: 0 });
  await levering("9012", "0147", 2026, 1, "VERWERKT", { P09: 2 });
  await levering("9012", "0164", 2026, 2, "VERWERKT", { P09: 7 });
  await levering("9012", "1735", 2026, 2, "AFGEKEURD", { P09: 70 });
});
afterAll(async () => {
  await h?.close();
});

describe("campaigns", () => {
  it("count per berichtgever the signals of the chosen rules in the latest processed deliveries", async () => {
    const v = await campagneVoorbeeld(h.cbs, ["P09", "P13"]);
    expect(v.map((x) => [x.berichtgever.code, x.perRegel, x.totaal])).toEqual([
      ["9012", { P09: 9, P13: 0 }, 9],
      ["0153", { P09: 4, P13: 1 }, 5],
    ]);
    expect(v[0]?.gemeenten.map((g) => [g.gemeentecode, g.jaar, g.kwartaal, g.totaal])).toEqual([
      ["0147", 2026, 1, 2],
      ["0164", 2026, 2, 7],
    ]);
  });

  it("mail each affected contact person their own counts and record who got what", async () => {
    const { campagne, aantal } = await h.als((ctx) =>
      verstuurCampagne(ctx, {
        titel: "Ontzorgen zonder einddatum",
        toelichting:
          "Bij veel gemeenten ontbreekt de einddatum van het ontzorgen. Vul kenmerk 14 in zodra het ontzorgen stopt.",
        regels: ["P09"],
      }),
    );
    expect(aantal).toBe(2);
    const ontvangers = await h.db.campagneOntvanger.findMany({
      where: { campagneId: campagne.id },
      include: { berichtgever: true },
      orderBy: { aantalSignalen: "desc" },
    });
    expect(ontvangers.map((o) => [o.berichtgever.code, o.email, o.aantalSignalen, o.perRegel])).toEqual([
      ["9012", "contactpersoon@inburgering-middentwente.example.nl", 9, { P09: 9 }],
      ["0153", "contactpersoon@enschede.example.nl", 4, { P09: 4 }],
    ]);
    expect(h.mails.map((m) => [m.aan, m.sjabloon, (m.parameters as { totaal: number }).totaal])).toEqual([
      ["contactpersoon@inburgering-middentwente.example.nl", "beheer-campagne", 9],
      ["contactpersoon@enschede.example.nl", "beheer-campagne", 4],
    ]);
    expect(h.mails[1]?.parameters).toMatchObject({
      regels: [{ code: "P09", naam: expect.any(String), aantal: 4 }],
      url: expect.stringContaining("/berichtgever/0153/leveringen"),
    });
    expect(await h.db.auditLog.count({ where: { actie: "campagne.verstuur", doelId: campagne.id } })).toBe(1);
  });

  it("refuses a text with what looks like a BSN, and a rule nobody has signals of", async () => {
    const bsn = await h
      .als((ctx) =>
        verstuurCampagne(ctx, {
          titel: "X",
          toelichting: "Bijvoorbeeld persoon 123456782 heeft geen einddatum.",
          regels: ["P09"],
        }),
      )
      .catch((e: unknown) => e);
    expect((bsn as ActieFout).fouten[0]?.veld).toBe("toelichting");
    const niemand = await h
      .als((ctx) =>
        verstuurCampagne(ctx, { titel: "X", toelichting: "Een toelichting die lang genoeg is.", regels: ["P01"] }),
      )
      .catch((e: unknown) => e);
    expect((niemand as ActieFout).fouten[0]?.veld).toBe("regels");
    expect(await h.db.campagne.count()).toBe(1);
  });
});

describe("the campaign text", () => {
  it("keeps its paragraphs when a browser sends the textarea with CRLF line breaks", async () => {
    const i = campagneSchema.parse({
      titel: "Ontzorgen",
      toelichting: "Eerste alinea van de toelichting.\r\n\r\nTweede alinea.",
      regels: ["P09"],
    });
    expect(i.toelichting).toBe("Eerste alinea van de toelichting.\n\nTweede alinea.");
    const mail = await SJABLONEN["beheer-campagne"]({
      berichtgeverCode: "0153",
      berichtgeverNaam: "Gemeente Enschede",
      titel: i.titel,
      toelichting: i.toelichting,
      regels: [{ code: "P09", naam: "ontzorgen", aantal: 1 }],
      totaal: 1,
      url: "https://portaal.test/berichtgever/0153/leveringen",
    });
    expect(mail.html.match(/Eerste alinea van de toelichting\.<\/p>/)).not.toBeNull();
    expect(mail.html).toMatch(/<p[^>]*>Tweede alinea\.<\/p>/);
  });
});
