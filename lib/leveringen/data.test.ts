import { describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { NietGevonden } from "@/lib/http/fouten";
import {
  alleFouten,
  foutenPagina,
  leveringenOverzicht,
  leveringStatussen,
  leveringVoorActor,
  lopendeLeveringen,
  recenteLeveringen,
  signaleringslijstVoorActor,
} from "./data";
import { versleutelFoutbericht } from "./foutberichten";
import { maakLevering, metTestwereld, type Testwereld } from "./testwereld.testhulp";

const NU = new Date("2026-11-23T10:00:00Z");

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

describe("leveringenOverzicht", () => {
  it("groups a berichtgever's deliveries per gemeente and quarter with the state of the aanleverperiode", async () => {
    const db = t.db;
    const b = w.berichtgever["0153"];
    const tijdig = await maakLevering(db, {
      berichtgeverId: b,
      statistiekkwartaal: 2,
      status: "VERWERKT",
      ontvangenOp: new Date("2026-07-10T09:00:00Z"),
    });
    const afgekeurd = await maakLevering(db, {
      berichtgeverId: b,
      statistiekkwartaal: 3,
      status: "AFGEKEURD",
      ontvangenOp: new Date("2026-10-02T09:00:00Z"),
    });
    const teLaat = await maakLevering(db, {
      berichtgeverId: b,
      statistiekkwartaal: 3,
      status: "STATISTISCHE_CONTROLE",
      ontvangenOp: new Date("2026-11-20T09:00:00Z"),
    });
    const onleesbaar = await maakLevering(db, {
      berichtgeverId: b,
      gemeentecode: null,
      statistiekjaar: null,
      statistiekkwartaal: null,
      bestandsnaam: "kapot.xml",
      status: "AFGEKEURD",
      ontvangenOp: new Date("2026-11-01T09:00:00Z"),
    });
    const vorigJaar = await maakLevering(db, {
      berichtgeverId: b,
      statistiekjaar: 2025,
      statistiekkwartaal: 4,
      status: "VERWERKT",
    });
    const vanAmsterdam = await maakLevering(db, {
      berichtgeverId: w.berichtgever["0363"],
      gemeentecode: "0363",
      status: "VERWERKT",
    });

    const o = await leveringenOverzicht(w.contact0153, "0153", 2026, NU);
    expect(o.berichtgever.code).toBe("0153");
    expect(o.gemeenten.map((g) => [g.code, g.naam])).toEqual([["0153", "Enschede"]]);
    const k = o.gemeenten[0]!.kwartalen;
    expect(k.map((x) => x.aanlevering.staat)).toEqual(["nog-niet-geleverd", "tijdig", "te-laat", "nog-niet-begonnen"]);
    expect(k[0]!.aanlevering.termijnVerstreken).toBe(true);
    expect(k[1]!.leveringen.map((l) => l.id)).toEqual([tijdig.id]);
    // Newest first; the rejected one is listed but does not count as delivered.
    expect(k[2]!.leveringen.map((l) => l.id)).toEqual([teLaat.id, afgekeurd.id]);
    expect(k[2]!.aanlevering.einde).toBe(20261028);
    expect(o.overige.map((l) => l.id)).toEqual([onleesbaar.id]);
    const alleIds = [...k.flatMap((x) => x.leveringen), ...o.overige].map((l) => l.id);
    expect(alleIds).not.toContain(vorigJaar.id);
    expect(alleIds).not.toContain(vanAmsterdam.id);

    const cbs = await leveringenOverzicht(w.cbs, "0153", 2026, NU);
    expect(cbs.gemeenten[0]!.kwartalen[2]!.leveringen).toHaveLength(2);
  });

  it("shows a regional berichtgever all its gemeenten", async () => {
    const o = await leveringenOverzicht(w.cbs, "9012", 2026, NU);
    expect(o.gemeenten.map((g) => g.code)).toEqual(["0147", "0164", "1735"]);
  });

  it("answers NietGevonden for another tenant, an unknown or a malformed code", async () => {
    await expect(leveringenOverzicht(w.contact0363, "0153", 2026, NU)).rejects.toBeInstanceOf(NietGevonden);
    await expect(leveringenOverzicht(w.backup0153, "0363", 2026, NU)).rejects.toBeInstanceOf(NietGevonden);
    await expect(leveringenOverzicht(w.cbs, "9999", 2026, NU)).rejects.toBeInstanceOf(NietGevonden);
    await expect(leveringenOverzicht(w.cbs, "01 3", 2026, NU)).rejects.toBeInstanceOf(NietGevonden);
  });
});

describe("recenteLeveringen", () => {
  it("gives the newest deliveries of the berichtgever only", async () => {
    const r = await recenteLeveringen(w.contact0153, "0153", 3);
    expect(r).toHaveLength(3);
    const tijden = r.map((l) => l.ontvangenOp.getTime());
    expect([...tijden].sort((a, b) => b - a)).toEqual(tijden);
    const allemaal = await recenteLeveringen(w.contact0153, "0153", 100);
    expect(allemaal.every((l) => !l.gemeentecode || l.gemeentecode === "0153")).toBe(true);
    await expect(recenteLeveringen(w.contact0153, "0363")).rejects.toBeInstanceOf(NietGevonden);
  });
});

describe("leveringVoorActor", () => {
  it("isolates tenants: a contact person of 0363 does not find a 0153 delivery", async () => {
    const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "VERWERKT" });
    await expect(leveringVoorActor(w.contact0363, l.id)).rejects.toBeInstanceOf(NietGevonden);
    // Under another berichtgever's URL it does not exist either, not even for staff.
    await expect(leveringVoorActor(w.cbs, l.id, "0363")).rejects.toBeInstanceOf(NietGevonden);
    await expect(leveringVoorActor(w.contact0153, "bestaat-niet", "0153")).rejects.toBeInstanceOf(NietGevonden);
    expect((await leveringVoorActor(w.backup0153, l.id, "0153")).id).toBe(l.id);
    expect((await leveringVoorActor(w.cbs, l.id, "0153")).berichtgever.code).toBe("0153");
  });

  it("gives the administrative data and the timeline of a processed delivery", async () => {
    const l = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "VERWERKT",
      ontvangenOp: new Date("2026-11-23T09:00:00Z"),
      controleGestartOp: new Date("2026-11-23T09:00:02Z"),
      verwerktOp: new Date("2026-11-23T09:00:09Z"),
      spiegelrapport: { tabellen: [] },
    });
    const d = await leveringVoorActor(w.contact0153, l.id, "0153");
    expect(d).toMatchObject({ gemeentenaam: "Enschede", sha256: l.sha256, grootte: 1234, heeftSpiegelrapport: true });
    expect(d.tijdlijn.map((s) => [s.stap, s.staat])).toEqual([
      ["ontvangen", "gedaan"],
      ["technische-controle", "gedaan"],
      ["statistische-controle", "gedaan"],
      ["verwerkt", "gedaan"],
    ]);
    expect(d.tijdlijn[3]!.moment?.toISOString()).toBe("2026-11-23T09:00:09.000Z");
  });

  it("shows a running delivery where it is and a rejected one ending in afgekeurd", async () => {
    const bezig = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "TECHNISCHE_CONTROLE",
      controleGestartOp: new Date(),
    });
    expect((await leveringVoorActor(w.contact0153, bezig.id)).tijdlijn.map((s) => s.staat)).toEqual([
      "gedaan",
      "bezig",
      "open",
      "open",
    ]);
    const af = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "AFGEKEURD",
      verwerktOp: new Date(),
    });
    const d = await leveringVoorActor(w.contact0153, af.id);
    expect(d.tijdlijn.map((s) => s.stap)).toEqual(["ontvangen", "technische-controle", "afgekeurd"]);
    expect(d.heeftSpiegelrapport).toBe(false);
  });

  it("links a herlevering and the delivery it superseded both ways", async () => {
    const nieuw = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "VERWERKT",
      ontvangenOp: new Date("2026-11-22T12:00:00Z"),
    });
    const oud = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "VERVANGEN",
      ontvangenOp: new Date("2026-11-01T12:00:00Z"),
      verwerktOp: new Date("2026-11-01T12:01:00Z"),
      vervangenDoorId: nieuw.id,
    });
    const d = await leveringVoorActor(w.contact0153, oud.id);
    expect(d.vervangenDoor?.id).toBe(nieuw.id);
    expect(d.tijdlijn.at(-1)).toMatchObject({
      stap: "vervangen",
      staat: "gedaan",
      moment: new Date("2026-11-22T12:00:00Z"),
    });
    expect((await leveringVoorActor(w.contact0153, nieuw.id)).vervangt.map((v) => v.id)).toEqual([oud.id]);
  });

  it("shows the processing error to staff only", async () => {
    const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "TECHNISCHE_CONTROLE" });
    await t.db.levering.update({ where: { id: l.id }, data: { verwerkingsfout: "opslag onbereikbaar" } });
    expect((await leveringVoorActor(w.cbs, l.id)).verwerkingsfout).toBe("opslag onbereikbaar");
    expect((await leveringVoorActor(w.contact0153, l.id)).verwerkingsfout).toBeNull();
  });
});

describe("foutenPagina", () => {
  it("pages the errors in file order and clamps the page number", async () => {
    const l = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "AFGEKEURD",
      aantalFouten: 1500,
    });
    await t.db.leveringFout.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        leveringId: l.id,
        volgnummer: i + 1,
        regelnummer: 10 + i * 3,
        kenmerk: i % 2 === 0 ? 4 : null,
        regel: "T04",
        bericht: `Fout ${i + 1}`,
      })),
    });
    const p2 = await foutenPagina(w.contact0153, l.id, 2, { code: "0153" });
    expect(p2).toMatchObject({ pagina: 2, aantalPaginas: 3, aantalOpgeslagen: 120, aantalFouten: 1500 });
    expect(p2.fouten.map((f) => f.volgnummer)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));
    expect(p2.fouten[0]).toEqual({ volgnummer: 51, regelnummer: 160, kenmerk: 4, regel: "T04", bericht: "Fout 51" });
    expect((await foutenPagina(w.contact0153, l.id, 99)).fouten.map((f) => f.volgnummer)).toEqual(
      Array.from({ length: 20 }, (_, i) => 101 + i),
    );
    expect((await foutenPagina(w.contact0153, l.id, 0)).pagina).toBe(1);
    expect((await foutenPagina(w.contact0153, l.id, Number.NaN)).pagina).toBe(1);
    expect((await alleFouten(w.backup0153, l.id, "0153")).fouten).toHaveLength(120);

    await expect(foutenPagina(w.contact0363, l.id, 1)).rejects.toBeInstanceOf(NietGevonden);
    await expect(foutenPagina(w.cbs, l.id, 1, { code: "0363" })).rejects.toBeInstanceOf(NietGevonden);
    await expect(alleFouten(w.contact0363, l.id)).rejects.toBeInstanceOf(NietGevonden);
  });

  it("masks BSNs for everyone until the contact person chooses to see them, which is audited once", async () => {
    vi.stubEnv("SWI_ENCRYPTION_KEY", Buffer.alloc(32, 3).toString("base64"));
    const l = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "AFGEKEURD",
      aantalFouten: 3,
    });
    const berichten = [
      {
        kenmerk: 8,
        regel: "T09",
        tekst:
          "Regel 140: Burgerservicenummer (kenmerk 8) 100000009 komt meer dan één keer voor in het bestand (eerder op regel 14).",
      },
      {
        kenmerk: 8,
        regel: "T08",
        tekst:
          "Regel 152: Burgerservicenummer (kenmerk 8) heeft de waarde 12345678; een BSN bestaat uit precies 9 cijfers.",
      },
      {
        kenmerk: 12,
        regel: "T04",
        tekst: "Regel 200000: MaatschappelijkeBegeleidingBegindatum (kenmerk 12) 20261301 is geen bestaande datum.",
      },
    ];
    await t.db.leveringFout.createMany({
      data: berichten.map((b, i) => ({
        leveringId: l.id,
        volgnummer: i + 1,
        kenmerk: b.kenmerk,
        regel: b.regel,
        bericht: versleutelFoutbericht(b.tekst, l.id),
      })),
    });
    const inzages = () => t.db.auditLog.count({ where: { actie: "inzage.foutmeldingen", doelId: l.id } });

    for (const [wie, toonBsns] of [
      [w.backup0153, false],
      [w.backup0153, true],
      [w.contact0153, false],
    ] as const) {
      const p = await foutenPagina(wie, l.id, 1, { toonBsns });
      expect(p).toMatchObject({ bsnsVerborgen: true, bsnsGetoond: false });
      expect(p.fouten.map((f) => f.bericht).join(" ")).not.toMatch(/100000009|12345678/);
      expect(p.fouten[0]!.bericht).toBe(
        "Regel 140: Burgerservicenummer (kenmerk 8) [BSN verborgen] komt meer dan één keer voor in het bestand (eerder op regel 14).",
      );
      expect(p.fouten[1]!.bericht).toContain("heeft de waarde [BSN verborgen];");
      // A date is no BSN, and line numbers stay.
      expect(p.fouten[2]!.bericht).toBe(berichten[2]!.tekst);
    }
    expect(await inzages()).toBe(0);

    const getoond = await foutenPagina(w.contact0153, l.id, 1, { toonBsns: true });
    expect(getoond).toMatchObject({ bsnsVerborgen: false, bsnsGetoond: true });
    expect(getoond.fouten.map((f) => f.bericht)).toEqual(berichten.map((b) => b.tekst));
    expect(await inzages()).toBe(1);
    // fouten.csv (itself audited) reads the plaintext.
    expect((await alleFouten(w.contact0153, l.id)).fouten.map((f) => f.bericht)).toEqual(berichten.map((b) => b.tekst));
    vi.unstubAllEnvs();
  });

  it("has one empty page for a delivery without errors", async () => {
    const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "VERWERKT" });
    expect(await foutenPagina(w.contact0153, l.id, 1)).toMatchObject({ fouten: [], aantalPaginas: 1, aantalFouten: 0 });
  });
});

describe("signaleringslijstVoorActor", () => {
  it("counts the days left, and says when the list has expired or was removed", async () => {
    const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "VERWERKT" });
    const aangemaakt = new Date("2026-11-20T10:00:00Z");
    const lijst = await t.db.signaleringslijst.create({
      data: {
        leveringId: l.id,
        aangemaaktOp: aangemaakt,
        verlooptOp: new Date(aangemaakt.getTime() + 14 * 86_400_000),
        csvSleutel: "signaleringslijsten/x.csv",
        xlsxSleutel: "signaleringslijsten/x.xlsx",
        aantalSignalen: 7,
      },
    });
    const s = await signaleringslijstVoorActor(w.contact0153, l.id, { code: "0153", nu: NU });
    expect(s).toMatchObject({ id: lijst.id, beschikbaar: true, dagenOver: 11, aantalSignalen: 7, magDownloaden: true });
    expect(
      (await signaleringslijstVoorActor(w.contact0153, l.id, { nu: new Date("2026-12-04T09:00:00Z") })).dagenOver,
    ).toBe(1);
    expect(
      await signaleringslijstVoorActor(w.contact0153, l.id, { nu: new Date("2026-12-04T10:00:00Z") }),
    ).toMatchObject({
      beschikbaar: false,
      dagenOver: 0,
    });
    expect((await signaleringslijstVoorActor(w.backup0153, l.id, { nu: NU })).magDownloaden).toBe(false);
    await t.db.signaleringslijst.update({ where: { id: lijst.id }, data: { verwijderdOp: NU } });
    expect((await signaleringslijstVoorActor(w.contact0153, l.id, { nu: NU })).beschikbaar).toBe(false);

    await expect(signaleringslijstVoorActor(w.contact0363, l.id, { nu: NU })).rejects.toBeInstanceOf(NietGevonden);
    const zonder = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "VERWERKT" });
    await expect(signaleringslijstVoorActor(w.contact0153, zonder.id)).rejects.toBeInstanceOf(NietGevonden);
  });
});

describe("statuses for live updates", () => {
  it("leaves out what the actor may not see and marks final statuses", async () => {
    const eigen = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "TECHNISCHE_CONTROLE" });
    const klaar = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "AFGEKEURD" });
    const ander = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0363"],
      gemeentecode: "0363",
      status: "ONTVANGEN",
    });
    const r = await leveringStatussen(w.contact0153, [eigen.id, klaar.id, ander.id, eigen.id]);
    expect(new Map(r.map((x) => [x.id, x]))).toEqual(
      new Map([
        [eigen.id, { id: eigen.id, status: "TECHNISCHE_CONTROLE", eindstatus: false }],
        [klaar.id, { id: klaar.id, status: "AFGEKEURD", eindstatus: true }],
      ]),
    );
    expect(await leveringStatussen(w.contact0153, [])).toEqual([]);
    const lopend = await lopendeLeveringen(w.contact0153, "0153");
    expect(lopend.map((x) => x.id)).toContain(eigen.id);
    expect(lopend.map((x) => x.id)).not.toContain(klaar.id);
    expect(lopend.every((x) => !x.eindstatus)).toBe(true);
    await expect(lopendeLeveringen(w.contact0153, "0363")).rejects.toBeInstanceOf(NietGevonden);
  });
});
