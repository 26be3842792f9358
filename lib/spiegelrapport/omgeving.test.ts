import { describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { maakLevering, metTestwereld, type Testwereld } from "@/lib/leveringen/testwereld.testhulp";
import { MINIMUM_GEMEENTEN } from "@/lib/swi/vergelijking";
import { spiegelrapportVoorActor } from "./data";
import { spiegelrapportOmgeving } from "./omgeving";
import { voorbeeldRapport } from "./voorbeeldrapport.testhulp";

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

/** A report as the engine makes it, for the quarter and gemeente it is stored under. */
function rapport(personen: number, seed: string, gemeentecode: string, jaar: number, kwartaal: number) {
  return {
    ...voorbeeldRapport({ aantalPersonen: personen, seed }).rapport,
    gemeentecode,
    statistiekjaar: jaar,
    statistiekkwartaal: kwartaal,
  };
}

async function personenVan(id: string): Promise<number> {
  return ((await t.db.levering.findUniqueOrThrow({ where: { id } })).spiegelrapport as { personen: number }).personen;
}

const dag = (d: string) => new Date(`${d}T10:00:00Z`);

async function levering(
  code: "0153" | "0363" | "9012",
  gemeentecode: string,
  jaar: number,
  kwartaal: number,
  status: "VERWERKT" | "VERVANGEN" | "AFGEKEURD" | "ONTVANGEN",
  personen: number,
  ontvangen: string,
) {
  return maakLevering(t.db, {
    berichtgeverId: w.berichtgever[code],
    gemeentecode,
    statistiekjaar: jaar,
    statistiekkwartaal: kwartaal,
    status,
    ontvangenOp: dag(ontvangen),
    spiegelrapport:
      status === "VERWERKT" || status === "VERVANGEN"
        ? rapport(personen, `${gemeentecode}-${jaar}${kwartaal}-${ontvangen}`, gemeentecode, jaar, kwartaal)
        : null,
  });
}

describe("spiegelrapportOmgeving", () => {
  it("trend: the geldende levering of every earlier quarter of this berichtgever and gemeente, and this report", async () => {
    const k3 = await levering("0153", "0153", 2025, 3, "VERWERKT", 30, "2025-10-10");
    await levering("0153", "0153", 2025, 4, "VERVANGEN", 35, "2026-01-10");
    const k4 = await levering("0153", "0153", 2025, 4, "VERWERKT", 45, "2026-01-20");
    // A rejected re-upload never takes the place of the accepted one.
    await levering("0153", "0153", 2025, 4, "AFGEKEURD", 0, "2026-01-25");
    const eigen = await levering("0153", "0153", 2026, 1, "VERWERKT", 61, "2026-04-10");
    // A later quarter, and another gemeente of another berichtgever, are not in this report's trend.
    await levering("0153", "0153", 2026, 2, "VERWERKT", 70, "2026-07-10");
    await levering("0363", "0363", 2025, 4, "VERWERKT", 900, "2026-01-10");

    const g = await spiegelrapportVoorActor(w.contact0153, eigen.id, "0153");
    const { trend } = await spiegelrapportOmgeving(w.contact0153, g);
    expect(trend.kwartalen).toEqual([
      { tekst: "2025 K3", ditRapport: false },
      { tekst: "2025 K4", ditRapport: false },
      { tekst: "2026 K1", ditRapport: true },
    ]);
    expect(trend.rijen.find((r) => r.sleutel === "personen.totaal")!.waarden).toEqual([
      await personenVan(k3.id),
      await personenVan(k4.id),
      await personenVan(eigen.id),
    ]);

    // Another tenant's actor reads none of 0153's deliveries, even when handed its report.
    const { trend: vreemd } = await spiegelrapportOmgeving(w.contact0363, g);
    expect(vreemd.kwartalen).toEqual([{ tekst: "2026 K1", ditRapport: true }]);
  });

  it("comparison: only the quarter's geldende leveringen, and only from five gemeenten on", async () => {
    const eigen = await levering("0153", "0153", 2026, 3, "VERWERKT", 60, "2026-10-10");
    await levering("0363", "0363", 2026, 3, "VERWERKT", 70, "2026-10-11");
    await levering("9012", "0147", 2026, 3, "VERWERKT", 50, "2026-10-11");
    const g = await spiegelrapportVoorActor(w.contact0153, eigen.id, "0153");

    const weinig = (await spiegelrapportOmgeving(w.contact0153, g)).vergelijking;
    expect(weinig.landelijk).toEqual({ gemeenten: 3, getoond: false });
    expect(weinig.rijen.every((r) => r.landelijk.soort === "onderdrukt")).toBe(true);

    // Not geldend: replaced, rejected, still being checked, another quarter.
    await levering("9012", "0164", 2026, 3, "VERVANGEN", 500, "2026-10-09");
    await levering("9012", "1735", 2026, 3, "AFGEKEURD", 0, "2026-10-09");
    await levering("9012", "1735", 2026, 3, "ONTVANGEN", 0, "2026-10-12");
    await levering("0363", "0518", 2025, 4, "VERWERKT", 500, "2026-01-12");
    expect((await spiegelrapportOmgeving(w.contact0153, g)).vergelijking.landelijk.gemeenten).toBe(3);

    // A new accepted delivery is seen at once, though the quarter's tellingen are cached.
    await levering("9012", "0164", 2026, 3, "VERWERKT", 40, "2026-10-13");
    await levering("9012", "1735", 2026, 3, "VERWERKT", 80, "2026-10-14");
    const v = (await spiegelrapportOmgeving(w.contact0153, g)).vergelijking;
    expect(v.landelijk).toEqual({ gemeenten: MINIMUM_GEMEENTEN, getoond: true });
    const personen = v.rijen.find((r) => r.sleutel === "personen.totaal")!;
    const geldend = await t.db.levering.findMany({
      where: { statistiekjaar: 2026, statistiekkwartaal: 3, status: "VERWERKT" },
      select: { spiegelrapport: true },
    });
    const totaal = geldend.reduce((s, l) => s + (l.spiegelrapport as { personen: number }).personen, 0);
    expect(personen.landelijk).toEqual({ soort: "waarde", waarde: totaal });
    expect(v.kwartaal).toBe("2026 K3");
  });

  it("reads a stored report again once its delivery row has changed, though reports are kept in memory", async () => {
    const vorig = await levering("0153", "0153", 2024, 1, "VERWERKT", 30, "2024-04-10");
    const eigen = await levering("0153", "0153", 2024, 2, "VERWERKT", 60, "2024-07-10");
    const ander = await levering("0363", "0363", 2024, 2, "VERWERKT", 70, "2024-07-11");
    for (const [code, gemeente] of [
      ["9012", "0147"],
      ["9012", "0164"],
      ["9012", "1735"],
    ] as const)
      await levering(code, gemeente, 2024, 2, "VERWERKT", 50, "2024-07-12");
    // Another year than the tests above, which share this database.
    const g = await spiegelrapportVoorActor(w.contact0153, eigen.id, "0153");
    const personen = (o: Awaited<ReturnType<typeof spiegelrapportOmgeving>>) => ({
      trend: o.trend.rijen.find((r) => r.sleutel === "personen.totaal")!.waarden[0],
      landelijk: o.vergelijking.rijen.find((r) => r.sleutel === "personen.totaal")!.landelijk,
    });
    const eerst = personen(await spiegelrapportOmgeving(w.contact0153, g));
    expect(eerst.trend).toBe(await personenVan(vorig.id));

    // Prisma's @updatedAt moves with any update of the row, as the worker's writes do.
    for (const l of [vorig, ander]) {
      const r = (await t.db.levering.findUniqueOrThrow({ where: { id: l.id } })).spiegelrapport as {
        rijen: { sleutel: string; huidig: number }[];
      };
      const rijen = r.rijen.map((rij) => (rij.sleutel === "personen.totaal" ? { ...rij, huidig: 1000 } : rij));
      await t.db.levering.update({ where: { id: l.id }, data: { spiegelrapport: { ...r, rijen, personen: 1000 } } });
    }
    const daarna = personen(await spiegelrapportOmgeving(w.contact0153, g));
    expect(daarna.trend).toBe(1000);
    expect(daarna.landelijk).not.toEqual(eerst.landelijk);
  });
});
