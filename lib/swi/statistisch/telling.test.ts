/**
 * The counts behind F01–F03 are made person by person (telPersoon), so the browser can count while
 * it streams and keep no persons. Counting a stream must give what counting the parsed delivery
 * gives, and the signals from counts (also from the stored form) must be the server's.
 */
import { describe, expect, it } from "vitest";
import { controleerXml } from "../technisch/controleer-xml";
import { genereerLevering } from "../testhulp/generator";
import type { ControleContext, GeparsteLevering } from "../types";
import { maakBasis } from "./basis";
import {
  bestandSignalen,
  bestandTelling,
  nieuweTelling,
  telPersoon,
  tellingLezen,
  tellingOpslaan,
  vulgraad,
} from "./bestand";
import { statistischeControle } from "./index";

const vorigKwartaal = genereerLevering({
  berichtgevercode: "0153",
  gemeentecode: "0153",
  statistiekjaar: 2025,
  kwartaal: 4,
  aantalPersonen: 400,
  seed: "telling",
});
const ditKwartaal = genereerLevering({
  berichtgevercode: "0153",
  gemeentecode: "0153",
  statistiekjaar: 2026,
  kwartaal: 1,
  aantalPersonen: 250,
  seed: "telling-nu",
});

const CTX: ControleContext = { received: 20260415, codelijst: () => new Set(["0153"]) };

async function geparst(xml: string, naam: string): Promise<GeparsteLevering> {
  const u = await controleerXml(Buffer.from(xml, "utf8"), naam, CTX);
  expect(u.accepted).toBe(true);
  return u.levering!;
}

describe("BestandTelling", () => {
  it("counted person by person equals the count of the whole delivery, and vulgraad", async () => {
    const l = await geparst(ditKwartaal.xml(), ditKwartaal.bestandsnaam);
    const stap = nieuweTelling();
    for (const p of l.personen) telPersoon(stap, p);
    const geheel = bestandTelling(l);
    expect(stap).toEqual(geheel);
    expect(geheel.personen).toBe(250);
    expect(geheel.intake).toBeGreaterThan(0);
    const v = vulgraad(l);
    expect([...v.toepasselijk]).toEqual([...geheel.toepasselijk]);
    expect([...v.gevuld]).toEqual([...geheel.gevuld]);
  });

  it("counted while streaming (no persons kept) equals the count of the parsed delivery", async () => {
    const xml = ditKwartaal.xml();
    const l = await geparst(xml, ditKwartaal.bestandsnaam);
    const u = await controleerXml(Buffer.from(xml, "utf8"), ditKwartaal.bestandsnaam, CTX, { alleenTellen: true });
    expect(u.accepted).toBe(true);
    expect(u.levering).toBeUndefined();
    expect(u.telling).toEqual(bestandTelling(l));
  });

  it("counts each person once when the byte scanner hands the file to the general path halfway", async () => {
    const xml = ditKwartaal.xml();
    // A comment after about half the persons: the scanner gives up there and saxes reads it all again.
    const midden = xml.indexOf("</Persoon>", xml.length / 2) + "</Persoon>".length;
    const metCommentaar = `${xml.slice(0, midden)}<!-- opmerking -->${xml.slice(midden)}`;
    const u = await controleerXml(Buffer.from(metCommentaar, "utf8"), ditKwartaal.bestandsnaam, CTX, {
      alleenTellen: true,
    });
    expect(u.accepted).toBe(true);
    expect(u.telling).toEqual(bestandTelling(await geparst(xml, ditKwartaal.bestandsnaam)));
  });

  it("gives no counts for a rejected file", async () => {
    const kapot = ditKwartaal.xml().replace(/<Geboortedatum>\d+/, "<Geboortedatum>19910231");
    const u = await controleerXml(Buffer.from(kapot, "utf8"), ditKwartaal.bestandsnaam, CTX, { alleenTellen: true });
    expect(u.accepted).toBe(false);
    expect(u.telling).toBeUndefined();
  });

  it("gives the server's file signals from counts, also from the stored form of the previous one", async () => {
    const huidig = await geparst(ditKwartaal.xml(), ditKwartaal.bestandsnaam);
    const vorige = await geparst(vorigKwartaal.xml(), vorigKwartaal.bestandsnaam);
    const server = statistischeControle(huidig, [vorige], { received: 20260505 }).fileSignals;
    // 400 → 250 persons, received after the aanleverperiode.
    expect(server.map((s) => s.rule)).toEqual(expect.arrayContaining(["F01", "F04"]));
    const opgeslagen = tellingLezen(JSON.parse(JSON.stringify(tellingOpslaan(bestandTelling(vorige)))));
    expect(opgeslagen).toBeDefined();
    const uitTelling = bestandSignalen(bestandTelling(huidig), opgeslagen, "2025 K4", maakBasis(huidig.kop, 20260505));
    expect(uitTelling).toEqual(server);
  });

  it("reads back only a well-formed stored count", () => {
    const goed = tellingOpslaan(nieuweTelling());
    expect(tellingLezen(goed)).toBeDefined();
    expect(tellingLezen(null)).toBeUndefined();
    expect(tellingLezen({ ...goed, personen: -1 })).toBeUndefined();
    expect(tellingLezen({ ...goed, gevuld: goed.gevuld.slice(1) })).toBeUndefined();
    expect(tellingLezen({ ...goed, toepasselijk: goed.toepasselijk.map(() => "1") })).toBeUndefined();
  });
});
