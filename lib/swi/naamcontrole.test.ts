import { describe, expect, it } from "vitest";
import { controleerNaamVooraf, type Toewijzing } from "./naamcontrole";

const TOEWIJZINGEN: Toewijzing[] = [
  { gemeentecode: "0147", gemeentenaam: "Borne", vanafJaar: 2022, totEnMetJaar: null },
  { gemeentecode: "0164", gemeentenaam: "Hengelo (O.)", vanafJaar: 2022, totEnMetJaar: 2025 },
];
const ctx = (vandaag: number) => ({ berichtgevercode: "9012", toewijzingen: TOEWIJZINGEN, vandaag });
const regels = (naam: string, vandaag = 20261020) =>
  controleerNaamVooraf(naam, ctx(vandaag)).map((b) => `${b.regel}:${b.ernst}`);

describe("the check of a file name before upload", () => {
  it("accepts a right name in its aanleverperiode and says what it reads from it (T05)", () => {
    const b = controleerNaamVooraf("SWI_9012_0147_20263.XML", ctx(20261020));
    expect(b.map((x) => x.regel)).toEqual(["T05"]);
    expect(b[0]!.melding).toBe(
      "Volgens de naam: gemeente 0147 (Borne), 2026 kwartaal 3. De gegevens in het bestand moeten daarmee overeenkomen.",
    );
  });
  it("refuses what the server refuses by name: pattern, extension (T01)", () => {
    expect(regels("swi_9012_0147_20263.xml")).toEqual(["T01:afkeur"]);
    expect(regels("leveringen.csv")).toEqual(["T01:afkeur"]);
    expect(regels("alles.zip")).toEqual(["T01:info"]);
  });
  it("another berichtgever's code, or a gemeente not assigned in that year (T06)", () => {
    const b = controleerNaamVooraf("SWI_0153_0147_20263.XML", ctx(20261020));
    expect(b.find((x) => x.regel === "T06")?.melding).toMatch(/De naam moet zijn: SWI_9012_0147_20263\.XML/);
    // Hengelo was 9012's until 2025: for 2026 it is not.
    expect(regels("SWI_9012_0164_20263.XML")).toEqual(["T05:info", "T06:afkeur"]);
    expect(regels("SWI_9012_0164_20254.XML")).toEqual(["T05:info", "F04:let-op"]);
  });
  it("a quarter that is not over is refused (T07); one past its period is late (F04, accepted)", () => {
    const t07 = controleerNaamVooraf("SWI_9012_0147_20264.XML", ctx(20261020)).find((x) => x.regel === "T07");
    expect(t07).toMatchObject({ ernst: "afkeur" });
    expect(t07!.melding).toMatch(/vanaf 01-01-2027/);
    expect(regels("SWI_9012_0147_20263.XML", 20261030)).toEqual(["T05:info", "F04:let-op"]);
    expect(regels("SWI_9012_0147_20263.XML", 20261028)).toEqual(["T05:info"]);
  });
});
