import { describe, expect, it } from "vitest";
import { NietGevonden } from "@/lib/http/fouten";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { maakLevering, metTestwereld, type Testwereld } from "@/lib/leveringen/testwereld.testhulp";
import { GeenSpiegelrapport, spiegelrapportVoorActor } from "./data";
import { voorbeeldRapport } from "./voorbeeldrapport.testhulp";

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

describe("spiegelrapportVoorActor", () => {
  it("gives the stored report to its own berichtgever and CBS staff, with the gemeente's name", async () => {
    const { rapport, bestandSignalen } = voorbeeldRapport();
    const l = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      gemeentecode: "0153",
      statistiekjaar: 2026,
      statistiekkwartaal: 1,
      status: "VERVANGEN",
      spiegelrapport: rapport,
    });
    await t.db.levering.update({ where: { id: l.id }, data: { bestandSignalen: bestandSignalen as never } });

    const g = await spiegelrapportVoorActor(w.contact0153, l.id, "0153");
    expect(g.rapport).toEqual(rapport);
    expect(g.levering).toMatchObject({ id: l.id, status: "VERVANGEN", bestandsnaam: l.bestandsnaam });
    expect(g.berichtgever).toEqual({ code: "0153", naam: "Gemeente Enschede" });
    expect(g.gemeente).toEqual({ code: "0153", naam: "Enschede" });
    expect(g.bestandSignalen).toEqual(bestandSignalen);
    expect((await spiegelrapportVoorActor(w.cbs, l.id, "0153")).rapport).toEqual(rapport);
    // The back-up user may see counts (no person-level data in a spiegelrapport).
    expect((await spiegelrapportVoorActor(w.backup0153, l.id)).levering.id).toBe(l.id);
  });

  it("another tenant, or the delivery under another berichtgever's URL, is not found", async () => {
    const l = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "VERWERKT",
      spiegelrapport: voorbeeldRapport().rapport,
    });
    await expect(spiegelrapportVoorActor(w.contact0363, l.id)).rejects.toBeInstanceOf(NietGevonden);
    await expect(spiegelrapportVoorActor(w.contact0363, l.id, "0363")).rejects.toBeInstanceOf(NietGevonden);
    await expect(spiegelrapportVoorActor(w.cbs, l.id, "0363")).rejects.toBeInstanceOf(NietGevonden);
    await expect(spiegelrapportVoorActor(w.contact0153, "bestaat-niet")).rejects.toBeInstanceOf(NietGevonden);
  });

  it("deliveries that are not processed have no spiegelrapport", async () => {
    for (const status of ["ONTVANGEN", "TECHNISCHE_CONTROLE", "STATISTISCHE_CONTROLE", "AFGEKEURD"] as const) {
      const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status });
      const fout = await spiegelrapportVoorActor(w.contact0153, l.id).catch((e: unknown) => e);
      expect(fout).toBeInstanceOf(GeenSpiegelrapport);
      expect((fout as GeenSpiegelrapport).leveringStatus).toBe(status);
    }
  });
});
