/**
 * The counts the upload page hands the browser check: per gemeente the geldende leveringen of the
 * newest quarters, as the server's statistische controle would choose its "previous quarter" —
 * never a proeflevering, a replaced or rejected delivery, one whose file is gone, or another
 * berichtgever's.
 */
import { describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { NietGevonden } from "@/lib/http/fouten";
import type { LeveringStatus } from "./status";
import { maakLevering, metTestwereld, type Testwereld } from "./testwereld.testhulp";
import { vorigeTellingen } from "./vorige-tellingen";

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

const telling = (personen: number) => ({
  personen,
  toepasselijk: Array.from({ length: 22 }, () => personen),
  gevuld: Array.from({ length: 22 }, () => personen),
});

async function levering(
  code: "0153" | "0363",
  jaar: number,
  kwartaal: number,
  personen: number,
  extra: { status?: LeveringStatus; proef?: "ALLEEN_CONTROLEREN"; zonderBestand?: boolean; ontvangenOp?: Date } = {},
) {
  const l = await maakLevering(t.db, {
    berichtgeverId: w.berichtgever[code],
    gemeentecode: code,
    statistiekjaar: jaar,
    statistiekkwartaal: kwartaal,
    status: extra.status ?? "VERWERKT",
    ontvangenOp: extra.ontvangenOp ?? new Date(Date.UTC(jaar, kwartaal * 3, 10)),
  });
  await t.db.levering.update({
    where: { id: l.id },
    data: {
      opslagSleutel: `sleutel-${l.id}`,
      bestandVerwijderdOp: extra.zonderBestand ? new Date() : null,
      proef: extra.proef ?? null,
      bestandTelling: telling(personen),
    },
  });
  return l;
}

describe("vorigeTellingen", () => {
  it("says a gemeente without deliveries has none, and leaves counts of rows from before them unknown", async () => {
    expect(await vorigeTellingen(w.contact0153, "0153")).toEqual({ "0153": { leveringen: [], volledig: true } });
    const l = await levering("0153", 2024, 4, 25);
    await t.db.$executeRaw`UPDATE levering SET bestand_telling = NULL WHERE id = ${l.id}`;
    expect(await vorigeTellingen(w.contact0153, "0153")).toEqual({
      "0153": { leveringen: [{ jaar: 2024, kwartaal: 4, telling: null }], volledig: true },
    });
    await t.db.levering.delete({ where: { id: l.id } });
  });

  it("gives the geldende levering of the two newest quarters, skipping what the server skips", async () => {
    await levering("0153", 2025, 2, 10);
    await levering("0153", 2025, 3, 20);
    // Replaced by the re-delivery below; the re-delivery counts.
    await levering("0153", 2025, 4, 30, { status: "VERVANGEN", ontvangenOp: new Date("2026-01-10T09:00:00Z") });
    await levering("0153", 2025, 4, 31, { ontvangenOp: new Date("2026-01-20T09:00:00Z") });
    // Newer, but never a delivery, rejected, or its file is gone: the server would not compare with it.
    await levering("0153", 2026, 1, 40, { proef: "ALLEEN_CONTROLEREN" });
    await levering("0153", 2026, 2, 50, { status: "AFGEKEURD" });
    await levering("0153", 2026, 3, 60, { zonderBestand: true });
    // Another berichtgever's delivery for the same quarter.
    await levering("0363", 2026, 1, 70);

    const v = await vorigeTellingen(w.contact0153, "0153");
    expect(v["0153"]).toEqual({
      leveringen: [
        { jaar: 2025, kwartaal: 4, telling: telling(31) },
        { jaar: 2025, kwartaal: 3, telling: telling(20) },
      ],
      volledig: false,
    });
    expect(Object.keys(v)).toEqual(["0153"]);
    expect(JSON.stringify(v)).not.toMatch(/sleutel|bsn/i);
  });

  it("another tenant's berichtgever does not exist", async () => {
    await expect(vorigeTellingen(w.contact0363, "0153")).rejects.toBeInstanceOf(NietGevonden);
    await expect(vorigeTellingen(w.backup0153, "0153")).resolves.toBeDefined();
    await expect(vorigeTellingen(w.cbs, "0153")).resolves.toBeDefined();
  });
});
