import { describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { NietGevonden } from "@/lib/http/fouten";
import { kwartaalbeeld, leveringVoorActor } from "./data";
import { actorVan, maakLevering, metTestwereld, type Testwereld } from "./testwereld.testhulp";

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

// 20 October 2026: the aanleverperiode over 2026 K3 runs until 28 October.
const NU = new Date("2026-10-20T10:00:00Z");

describe("what is due now, per gemeente", () => {
  it("a card per gemeente for the open quarter, the geldende levering marked, a rejected re-upload not in its place", async () => {
    const b = w.berichtgever["0153"];
    const geldend = await maakLevering(t.db, {
      berichtgeverId: b,
      status: "VERWERKT",
      ontvangenOp: new Date("2026-10-05T09:00:00Z"),
    });
    const afgekeurd = await maakLevering(t.db, {
      berichtgeverId: b,
      status: "AFGEKEURD",
      ontvangenOp: new Date("2026-10-12T09:00:00Z"),
    });
    const beeld = await kwartaalbeeld(w.contact0153, "0153", NU);
    expect(beeld.actueel).toMatchObject({ jaar: 2026, kwartaal: 3, open: true });
    expect(beeld.kaarten).toHaveLength(1);
    expect(beeld.kaarten[0]!.gemeente.code).toBe("0153");
    expect(beeld.kaarten[0]!.stand).toMatchObject({
      stand: "tijdig",
      geldend: { id: geldend.id },
      nieuwste: { id: afgekeurd.id },
    });
    expect(beeld.kaarten[0]!.stand.teDoen).toMatch(/eerdere levering blijft gelden/);
    expect(beeld.geldend.has(geldend.id)).toBe(true);
    expect(beeld.geldend.has(afgekeurd.id)).toBe(false);
    // The delivery page of the rejected one points at the one that counts.
    expect((await leveringVoorActor(w.contact0153, afgekeurd.id)).geldend?.id).toBe(geldend.id);
    expect((await leveringVoorActor(w.contact0153, geldend.id)).geldend?.id).toBe(geldend.id);
  });

  it("a regional berichtgever gets a matrix of its gemeenten over the last 8 quarters", async () => {
    const joris = await actorVan(t.db, "contactpersoon@inburgering-middentwente.example.nl");
    await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["9012"],
      gemeentecode: "0164",
      statistiekjaar: 2026,
      statistiekkwartaal: 1,
      status: "VERWERKT",
      ontvangenOp: new Date("2026-04-10T09:00:00Z"),
    });
    const beeld = await kwartaalbeeld(joris, "9012", NU);
    expect(beeld.matrix.map((r) => r.gemeente.code)).toEqual(["0147", "0164", "1735"]);
    expect(beeld.kwartalen.map((k) => k.tekst)).toEqual([
      "2024 K4",
      "2025 K1",
      "2025 K2",
      "2025 K3",
      "2025 K4",
      "2026 K1",
      "2026 K2",
      "2026 K3",
    ]);
    const hengelo = beeld.matrix.find((r) => r.gemeente.code === "0164")!;
    expect(hengelo.standen[5]!.stand).toBe("tijdig");
    expect(hengelo.standen[6]!.stand).toBe("termijn-verstreken");
    expect(hengelo.standen[7]!.stand).toBe("nog-niet-geleverd");
  });

  it("another tenant's berichtgever does not exist", async () => {
    await expect(kwartaalbeeld(w.contact0363, "0153", NU)).rejects.toBeInstanceOf(NietGevonden);
    await expect(kwartaalbeeld(w.backup0153, "0153", NU)).resolves.toBeDefined();
    await expect(kwartaalbeeld(w.cbs, "0153", NU)).resolves.toBeDefined();
  });
});
