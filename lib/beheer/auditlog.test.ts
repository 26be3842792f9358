import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beheerTest, type BeheerTest } from "./beheer.testhulp";
import {
  alleAuditRijen,
  auditCsvRij,
  auditFilterSchema,
  begintDagInNederland,
  bekendeActies,
  leesbareDetails,
  zoekAuditLog,
} from "./auditlog";

let h: BeheerTest;
beforeAll(async () => {
  h = await beheerTest();
  const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "0153" } });
  const rijen = [
    {
      tijdstip: "2026-03-01T10:00:00Z",
      actorEmail: "beheer@cbs.example.nl",
      actie: "berichtgever.wijzig",
      berichtgeverId: b.id,
    },
    {
      tijdstip: "2026-03-02T10:00:00Z",
      actorEmail: "contactpersoon@enschede.example.nl",
      actie: "login",
      berichtgeverId: b.id,
    },
    {
      tijdstip: "2026-03-02T22:30:00Z",
      actorEmail: "contactpersoon@enschede.example.nl",
      actie: "download.signaleringslijst",
      berichtgeverId: b.id,
    },
    {
      tijdstip: "2026-03-03T10:00:00Z",
      actorEmail: "beheer@cbs.example.nl",
      actie: "contactpersoon.vervang",
      berichtgeverId: null,
    },
  ];
  for (const r of rijen)
    await h.db.auditLog.create({ data: { ...r, tijdstip: new Date(r.tijdstip), details: { x: 1 } } });
});
afterAll(async () => {
  await h?.close();
});

const zoek = (f: Record<string, string>) =>
  zoekAuditLog(h.cbs, auditFilterSchema.parse(f)).then((r) => r.rijen.map((x) => x.actie));

describe("the audit log", () => {
  it("is searched by actor, action (or its family), berichtgever and Dutch calendar days", async () => {
    expect(await zoek({ email: "ENSCHEDE" })).toEqual(["download.signaleringslijst", "login"]);
    expect(await zoek({ actie: "contactpersoon" })).toEqual(["contactpersoon.vervang"]);
    expect(await zoek({ actie: "login" })).toEqual(["login"]);
    expect(await zoek({ berichtgever: "0153" })).toEqual([
      "download.signaleringslijst",
      "login",
      "berichtgever.wijzig",
    ]);
    expect(await zoek({ berichtgever: "9999" })).toEqual([]);
    // 22:30 UTC on 2 March is 23:30 on 2 March in the Netherlands.
    expect(await zoek({ van: "2026-03-02", tot: "2026-03-02" })).toEqual(["download.signaleringslijst", "login"]);
    expect(await zoek({ van: "2026-03-03" })).toEqual(["contactpersoon.vervang"]);
  });

  it("checks its filter in Dutch", () => {
    const r = auditFilterSchema.safeParse({ van: "2026-03-05", tot: "2026-03-01", berichtgever: "153" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      "Een berichtgevercode bestaat uit 4 cijfers",
      "De einddatum ligt vóór de begindatum",
    ]);
    expect(auditFilterSchema.safeParse({ van: "1-3-2026" }).error?.issues[0]?.message).toMatch(/jjjj-mm-dd/);
  });

  it("pages newest first and exports every match", async () => {
    const eerste = await zoekAuditLog(h.cbs, {}, { aantal: 3 });
    const tweede = await zoekAuditLog(h.cbs, {}, { aantal: 3, voor: eerste.volgende! });
    const alle = [];
    for await (const r of alleAuditRijen(h.cbs, {}, { aantal: 2 })) alle.push(r);
    expect([...eerste.rijen, ...tweede.rijen].map((r) => r.id)).toEqual(alle.map((r) => r.id));
    expect(alle.length).toBeGreaterThanOrEqual(4);
    const csv = auditCsvRij(alle.find((r) => r.actie === "login")!);
    expect(csv.slice(1, 8)).toEqual([
      "2026-03-02T10:00:00.000Z",
      "contactpersoon@enschede.example.nl",
      "",
      "login",
      "",
      "",
      "0153",
    ]);
    expect(await bekendeActies(h.cbs)).toEqual(expect.arrayContaining(["login", "contactpersoon.vervang"]));
  });

  it("cannot be changed or emptied, not even directly", async () => {
    const r = await h.db.auditLog.findFirstOrThrow();
    await expect(h.db.auditLog.update({ where: { id: r.id }, data: { actie: "x" } })).rejects.toThrow(/append-only/);
    await expect(h.db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("knows where a Dutch day begins, in winter and in summer", () => {
    expect(begintDagInNederland("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(begintDagInNederland("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(begintDagInNederland("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });
});

describe("details as a person reads them", () => {
  it("one line per field, nested fields by path, lists joined, yes/no for flags", () => {
    expect(
      leesbareDetails({ filter: { jaar: 2026, kwartaal: 3 }, leveringen: ["a", "b"], aantal: 2, mail: true, leeg: [] }),
    ).toEqual([
      ["filter.jaar", "2026"],
      ["filter.kwartaal", "3"],
      ["leveringen", "a, b"],
      ["aantal", "2"],
      ["mail", "ja"],
      ["leeg", "(geen)"],
    ]);
    expect(leesbareDetails(null)).toEqual([]);
    expect(leesbareDetails({ door: null })).toEqual([["door", "—"]]);
  });
});
