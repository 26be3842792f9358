import { describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { maakSleutelbos } from "@/lib/storage/hoofdsleutel";
import { maakTekstkluis } from "@/lib/storage/tekstkluis";
import {
  BSN_VERBORGEN,
  maskeerBsns,
  ontsleutelFoutbericht,
  versleutelFoutbericht,
  versleutelOudeFoutberichten,
} from "./foutberichten";
import { maakLevering, metTestwereld, type Testwereld } from "./testwereld.testhulp";

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

describe("maskeerBsns", () => {
  it("hides a BSN wherever it is quoted, and a mistyped one in a message about the BSN", () => {
    const m = (bericht: string, kenmerk: number | null = null, regel = "T03") =>
      maskeerBsns({ bericht, kenmerk, regel });
    expect(m("Regel 30: In Persoon (BSN 100000009) ontbreekt het verplichte element Geslacht.")).toBe(
      `Regel 30: In Persoon (BSN ${BSN_VERBORGEN}) ontbreekt het verplichte element Geslacht.`,
    );
    expect(m('Regel 123456: Burgerservicenummer (kenmerk 8) heeft de waarde "1234 5678x"; een BSN …', 8, "T08")).toBe(
      `Regel 123456: Burgerservicenummer (kenmerk 8) heeft de waarde ${BSN_VERBORGEN}; een BSN …`,
    );
    expect(
      m("In SWI_0153_0153_20261.XML: Regel 9: Burgerservicenummer (kenmerk 8) 12345 is geen geldig BSN", 8, "T08"),
    ).toBe(`In SWI_0153_0153_20261.XML: Regel 9: Burgerservicenummer (kenmerk 8) ${BSN_VERBORGEN} is geen geldig BSN`);
    // Dates, line numbers and codes are no BSN.
    const datum = "Regel 12: BredeIntakeBegindatum (kenmerk 15) 20261301 is geen bestaande datum.";
    expect(m(datum, 15, "T04")).toBe(datum);
  });
});

describe("encrypted error messages", () => {
  it("open only with the key and for the delivery they belong to; a rotated key still opens them", () => {
    const oud = Buffer.alloc(32, 1);
    const nieuw = Buffer.alloc(32, 2);
    const voor = maakTekstkluis(maakSleutelbos(oud));
    const geheim = voor.versleutel("BSN 100000009", "levering_fout:a");
    expect(geheim).toMatch(/^swi1:[0-9a-f]{16}:/);
    expect(geheim).not.toContain("100000009");
    expect(voor.ontsleutel(geheim, "levering_fout:a")).toBe("BSN 100000009");
    expect(() => voor.ontsleutel(geheim, "levering_fout:b")).toThrow();
    expect(maakTekstkluis(maakSleutelbos(nieuw, [oud])).ontsleutel(geheim, "levering_fout:a")).toBe("BSN 100000009");
    expect(() => maakTekstkluis(maakSleutelbos(nieuw)).ontsleutel(geheim, "levering_fout:a")).toThrow(/sleutel/);
  });

  it("stored in plaintext before are encrypted in place by the purge job, and read the same", async () => {
    vi.stubEnv("SWI_ENCRYPTION_KEY", Buffer.alloc(32, 9).toString("base64"));
    const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "AFGEKEURD" });
    const teksten = Array.from({ length: 7 }, (_, i) => `Regel ${i}: Burgerservicenummer (kenmerk 8) 10000000${i} …`);
    await t.db.leveringFout.createMany({
      data: teksten.map((bericht, i) => ({ leveringId: l.id, volgnummer: i + 1, kenmerk: 8, regel: "T08", bericht })),
    });
    await t.db.leveringFout.update({
      where: { leveringId_volgnummer: { leveringId: l.id, volgnummer: 7 } },
      data: { bericht: versleutelFoutbericht(teksten[6]!, l.id) },
    });
    expect(await versleutelOudeFoutberichten(t.db, 4)).toBe(6);
    expect(await versleutelOudeFoutberichten(t.db, 4)).toBe(0);
    const rijen = await t.db.$queryRaw<{ bericht: string }[]>`
      SELECT bericht FROM levering_fout WHERE levering_id = ${l.id} ORDER BY volgnummer`;
    expect(rijen.every((r) => r.bericht.startsWith("swi1:") && !/\d{9}/.test(r.bericht))).toBe(true);
    expect(rijen.map((r) => ontsleutelFoutbericht(r.bericht, l.id))).toEqual(teksten);
    vi.unstubAllEnvs();
  });
});
