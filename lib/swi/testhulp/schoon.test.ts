/**
 * No false positives: realistic clean deliveries (a previous and a current quarter of the same
 * population) pass the whole check without a single signal, and the generated XML is valid
 * against the published XSD according to libxml2 (an independent validator). Also: each dirty
 * variant is caught by exactly the rule it breaks.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controleerAanlevering, type LeveringResultaat } from "../controle";
import { codelijstVoorJaar } from "../gemeenten";
import { leesAanlevering } from "../intake";
import { XSD_PATH } from "../schema";
import type { ControleContext, GeparsteLevering } from "../types";
import { genereerLevering, genereerLeveringPaar, type GegenereerdeLevering } from "../testhulp/generator";
import { VERVUILINGEN, vervuil } from "../testhulp/vervuiling";

const tmp = mkdtempSync(join(tmpdir(), "swi-schoon-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const paar = genereerLeveringPaar({
  berichtgevercode: "0153",
  gemeentecode: "0153",
  statistiekjaar: 2026,
  kwartaal: 2,
  aantalPersonen: 4000,
  seed: "schoon",
});
const ctx = (received: number): ControleContext => ({ received, codelijst: codelijstVoorJaar });
const vorigePad = join(tmp, paar.vorige.bestandsnaam);
const huidigePad = join(tmp, paar.huidige.bestandsnaam);
let vorigeGeparst: GeparsteLevering;

beforeAll(async () => {
  await paar.vorige.schrijfXml(vorigePad);
  await paar.huidige.schrijfXml(huidigePad);
  for await (const u of leesAanlevering(
    { naam: paar.vorige.bestandsnaam, pad: vorigePad },
    ctx(paar.vorige.ontvangstdatum),
  )) {
    if (!u.levering) throw new Error(`vorige levering afgekeurd: ${JSON.stringify(u.errors.slice(0, 3))}`);
    vorigeGeparst = u.levering;
  }
});

function samenvatting(r: LeveringResultaat): unknown {
  return { errors: r.errors.slice(0, 5), signals: r.signals.slice(0, 10), fileSignals: r.fileSignals };
}

describe("clean generated deliveries", () => {
  it("give no signal in the first quarter, checked on its own", async () => {
    const [r, ...rest] = await controleerAanlevering(
      { naam: paar.vorige.bestandsnaam, pad: vorigePad },
      ctx(paar.vorige.ontvangstdatum),
      () => [],
    );
    expect(rest).toHaveLength(0);
    expect(r!.accepted, JSON.stringify(samenvatting(r!))).toBe(true);
    expect(r!.signals).toEqual([]);
    expect(r!.fileSignals).toEqual([]);
    expect(r!.aantalPersonen).toBe(paar.vorige.personen.length);
    expect(r!.spiegelrapport?.personen).toBe(paar.vorige.personen.length);
  });

  it("give no signal in the next quarter, checked against the previous one", async () => {
    const [r] = await controleerAanlevering(
      { naam: paar.huidige.bestandsnaam, pad: huidigePad },
      ctx(paar.huidige.ontvangstdatum),
      () => [vorigeGeparst],
    );
    expect(r!.accepted, JSON.stringify(samenvatting(r!))).toBe(true);
    expect(r!.signals).toEqual([]);
    expect(r!.fileSignals).toEqual([]);
    expect(r!.spiegelrapport?.personen).toBe(paar.huidige.personen.length);
  });

  it("give no signal over five consecutive quarters across a year end, each checked against all earlier ones", async () => {
    const eerdere: GeparsteLevering[] = [];
    let vorige: GegenereerdeLevering | undefined;
    const kwartalen = [
      [2025, 3],
      [2025, 4],
      [2026, 1],
      [2026, 2],
      [2026, 3],
    ] as const;
    for (const [i, [jaar, kwartaal]] of kwartalen.entries()) {
      const l = genereerLevering({
        berichtgevercode: "0014",
        gemeentecode: "0014",
        statistiekjaar: jaar,
        kwartaal,
        aantalPersonen: 300 + 10 * i,
        seed: "keten",
        vorige: vorige?.toestand,
      });
      const pad = join(tmp, l.bestandsnaam);
      await l.schrijfXml(pad);
      const [r] = await controleerAanlevering({ naam: l.bestandsnaam, pad }, ctx(l.ontvangstdatum), () => eerdere);
      expect(r!.accepted, JSON.stringify(samenvatting(r!))).toBe(true);
      expect([...r!.signals, ...r!.fileSignals], l.bestandsnaam).toEqual([]);
      for await (const u of leesAanlevering({ naam: l.bestandsnaam, pad }, ctx(l.ontvangstdatum)))
        eerdere.push(u.levering!);
      vorige = l;
    }
  });

  it("parse to exactly the persons generated, with their line numbers", async () => {
    for await (const u of leesAanlevering(
      { naam: paar.huidige.bestandsnaam, pad: huidigePad },
      ctx(paar.huidige.ontvangstdatum),
    )) {
      expect(u.levering?.kop).toEqual(paar.huidige.kop);
      expect(u.levering?.personen).toEqual(paar.huidige.personen);
    }
  });

  it("validate against the XSD with xmllint", () => {
    const versie = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
    if (versie.error) {
      throw new Error(
        "xmllint ontbreekt: installeer libxml2-utils (apt-get install libxml2-utils) om het gegenereerde XML tegen het XSD te controleren.",
      );
    }
    for (const pad of [vorigePad, huidigePad]) {
      const uit = spawnSync("xmllint", ["--noout", "--schema", XSD_PATH, pad], { encoding: "utf8" });
      expect(uit.stderr.trim(), pad).toMatch(/validates$/);
      expect(uit.status).toBe(0);
    }
    // The check is real: a broken variant fails it.
    const kapot = join(tmp, "kapot.XML");
    execFileSync("sh", [
      "-c",
      `sed '0,/<Geslacht>[0-9]<\\/Geslacht>/s//<Geslacht>7<\\/Geslacht>/' "${huidigePad}" > "${kapot}"`,
    ]);
    expect(spawnSync("xmllint", ["--noout", "--schema", XSD_PATH, kapot]).status).not.toBe(0);
  });
});

describe("dirty variants", () => {
  it.each(VERVUILINGEN)("%s is caught by its rule", async (soort) => {
    const v = vervuil(paar.huidige, soort, { vorige: paar.vorige });
    const pad = join(tmp, `${soort}-${v.bestandsnaam}`);
    await v.schrijfXml(pad);
    const [r] = await controleerAanlevering({ naam: v.bestandsnaam, pad }, ctx(paar.huidige.ontvangstdatum), () => [
      vorigeGeparst,
    ]);
    const regels = new Set([
      ...r!.errors.map((e) => e.rule),
      ...r!.signals.map((s) => s.rule),
      ...r!.fileSignals.map((f) => f.rule),
    ]);
    expect([...regels], JSON.stringify(samenvatting(r!))).toEqual([v.regel]);
    if (v.regel.startsWith("T")) {
      expect(r!.accepted).toBe(false);
      expect(r!.spiegelrapport).toBeNull();
      if (v.line !== undefined) expect(r!.errors.map((e) => e.line)).toContain(v.line);
      if (v.kenmerk !== undefined) expect(r!.errors.map((e) => e.kenmerk)).toContain(v.kenmerk);
    } else {
      expect(r!.accepted).toBe(true);
      expect(r!.signals.map((s) => s.bsn)).toEqual([v.bsn]);
      if (v.kenmerk !== undefined) expect(r!.signals[0]!.kenmerken).toContain(v.kenmerk);
    }
  });
});
