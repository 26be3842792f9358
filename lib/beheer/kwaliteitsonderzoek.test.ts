import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActieFout } from "@/lib/acties/context";
import { GeenRecht } from "@/lib/http/fouten";
import { DEMO_BERICHTGEVERS } from "@/prisma/seed";
import { beheerTest, type BeheerTest } from "./beheer.testhulp";
import { kwaliteitsonderzoekDetail, legGesprekVast, trekKwaliteitsonderzoek } from "./kwaliteitsonderzoek";

let h: BeheerTest;
beforeAll(async () => {
  h = await beheerTest();
  // Amsterdam is large: 1,200 persons in its last processed quarter.
  const ams = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "0363" } });
  await h.db.levering.create({
    data: {
      berichtgeverId: ams.id,
      gemeentecode: "0363",
      statistiekjaar: 2026,
      statistiekkwartaal: 2,
      bestandsnaam: "SWI_0363_0363_20262.XML",
      grootte: 1n,
      sha256: "a".repeat(64),
      status: "VERWERKT",
      bron: "PORTAAL",
      aantalPersonen: 1200,
    },
  });
});
afterAll(() => h?.close());

const invoer = { jaar: 2026, seed: "2026-12-05", groot: 1, middel: 0, klein: 2 };

describe("kwaliteitsonderzoek", () => {
  it("draws per size class with a recorded seed, the same seed the same berichtgevers, and audits it", async () => {
    const a = await h.als((ctx) => trekKwaliteitsonderzoek(ctx, invoer));
    const b = await h.als((ctx) => trekKwaliteitsonderzoek(ctx, invoer));
    const da = (await kwaliteitsonderzoekDetail(h.cbs, a.id))!;
    const db = (await kwaliteitsonderzoekDetail(h.cbs, b.id))!;
    expect(da.deelnemers.map((d) => d.grootteklasse)).toEqual(["groot", "klein", "klein"]);
    expect(da.deelnemers[0]).toMatchObject({ berichtgever: { code: "0363" }, aantalPersonen: 1200 });
    expect(db.deelnemers.map((d) => d.berichtgeverId)).toEqual(da.deelnemers.map((d) => d.berichtgeverId));
    expect(da.seed).toBe("2026-12-05");
    expect(await h.db.auditLog.count({ where: { actie: "kwaliteitsonderzoek.trek", doelId: a.id } })).toBe(1);
  });

  it("records the interview's date and notes per berichtgever", async () => {
    const o = await h.als((ctx) => trekKwaliteitsonderzoek(ctx, { ...invoer, seed: "gesprek" }));
    const d = (await kwaliteitsonderzoekDetail(h.cbs, o.id))!.deelnemers[0]!;
    await h.als((ctx) =>
      legGesprekVast(ctx, { deelnemerId: d.id, gesprekOp: "2026-12-01", notities: "Software wordt bijgewerkt." }),
    );
    const na = (await kwaliteitsonderzoekDetail(h.cbs, o.id))!.deelnemers.find((x) => x.id === d.id)!;
    expect(na.gesprekOp?.toISOString().slice(0, 10)).toBe("2026-12-01");
    expect(na.notities).toBe("Software wordt bijgewerkt.");
    const audit = await h.db.auditLog.findFirstOrThrow({
      where: { actie: "kwaliteitsonderzoek.gesprek", doelId: o.id },
    });
    // The notes stay on the page; the audit log says that and when, not what.
    expect(JSON.stringify(audit.details)).not.toContain("Software");
  });

  it("asks for at least one, and is for CBS staff only", async () => {
    await expect(
      h.als((ctx) => trekKwaliteitsonderzoek(ctx, { ...invoer, groot: 0, middel: 0, klein: 0 })),
    ).rejects.toBeInstanceOf(ActieFout);
    const contact = await h.actorVan(DEMO_BERICHTGEVERS[0]!.contactpersoon.email);
    await expect(h.als((ctx) => trekKwaliteitsonderzoek(ctx, invoer), contact)).rejects.toBeInstanceOf(GeenRecht);
    await expect(kwaliteitsonderzoekDetail(contact, "x")).rejects.toBeInstanceOf(GeenRecht);
  });
});
