import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { maakOpslag } from "@/lib/storage";
import { GeenDownloadRecht, openSignaleringslijst } from "@/lib/leveringen/signaleringslijst-download";
import { heeftRecht } from "@/lib/auth/actor";
import { beheerTest, type BeheerTest } from "./beheer.testhulp";
import { GeenBeheerder } from "./context";
import { ActieFout } from "@/lib/acties/context";
import { maakBerichtgever, deactiveerBerichtgever, activeerBerichtgever, wijzigBerichtgever } from "./berichtgevers";
import { vervangContactpersoon, voegBackupToe, verwijderBackup } from "./contactpersonen";

let h: BeheerTest;
beforeAll(async () => {
  h = await beheerTest();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.mails.length = 0;
});

const NIEUW = {
  code: "7001",
  naam: "Werkplein Twente",
  contactpersoon: { naam: "Anouk Smit", email: "anouk@werkplein.example.nl", telefoon: "074 111 2233" },
  gemeenten: ["0141", "0153"], // Almelo, Enschede
  vanafJaar: 2026,
};

/** NIEUW with its own code and address, to test one refusal at a time. */
function ander(code: string) {
  return { ...NIEUW, code, contactpersoon: { ...NIEUW.contactpersoon, email: `cp-${code}@werkplein.example.nl` } };
}

async function fout(p: Promise<unknown>): Promise<ActieFout> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ActieFout);
  return e as ActieFout;
}

async function sessieVoor(userId: string) {
  return h.db.session.create({
    data: { userId, sessionToken: `tok-${userId}-${Math.random()}`, expires: new Date(Date.now() + 3600_000) },
  });
}

describe("a new berichtgever", () => {
  it("gets its gemeenten and contact person, the person a welcome mail, the log two entries", async () => {
    const r = await h.als((ctx) => maakBerichtgever(ctx, NIEUW));
    expect(r.gemeenten).toEqual([
      { code: "0141", naam: "Almelo" },
      { code: "0153", naam: "Enschede" },
    ]);
    const b = await h.db.berichtgever.findUniqueOrThrow({
      where: { code: "7001" },
      include: { gemeenten: true, contactpersoon: { include: { user: true } }, contactpersoonHistorie: true },
    });
    expect(b.gemeenten.map((g) => [g.gemeentecode, g.vanafJaar, g.totEnMetJaar]).sort()).toEqual([
      ["0141", 2026, null],
      ["0153", 2026, null],
    ]);
    expect(b.contactpersoon?.user).toMatchObject({
      email: "anouk@werkplein.example.nl",
      rol: "CONTACTPERSOON",
      actief: true,
    });
    expect(b.contactpersoonHistorie).toHaveLength(1);
    expect(h.mails).toHaveLength(1);
    expect(h.mails[0]).toMatchObject({
      aan: "anouk@werkplein.example.nl",
      sjabloon: "beheer-welkom",
      parameters: { berichtgeverCode: "7001", inlogUrl: expect.stringMatching(/\/inloggen$/) },
    });
    const audit = await h.db.auditLog.findMany({ where: { berichtgeverId: b.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.actie)).toEqual(["berichtgever.maak", "contactpersoon.registreer"]);
    expect(audit[0]).toMatchObject({ actorEmail: h.cbs.email, actorRol: "CBS", doelId: b.id });
  });

  it("is refused, with nothing written, for a taken code, an unknown gemeente or an address in use", async () => {
    const voor = await h.db.berichtgever.count();
    expect((await fout(h.als((ctx) => maakBerichtgever(ctx, { ...NIEUW, naam: "Dubbel" })))).fouten[0]?.veld).toBe(
      "code",
    );
    const onbekend = await fout(
      h.als((ctx) => maakBerichtgever(ctx, { ...ander("7002"), gemeenten: ["0153", "9999"] })),
    );
    expect(onbekend.fouten[0]).toMatchObject({ veld: "gemeenten", bericht: expect.stringContaining("9999") });
    const adres = await fout(
      h.als((ctx) =>
        maakBerichtgever(ctx, {
          ...NIEUW,
          code: "7003",
          contactpersoon: { ...NIEUW.contactpersoon, email: "contactpersoon@amsterdam.example.nl" },
        }),
      ),
    );
    expect(adres.fouten[0]).toMatchObject({ veld: "cpEmail", bericht: expect.stringContaining("0363") });
    expect(await h.db.berichtgever.count()).toBe(voor);
    expect(h.mails).toHaveLength(0);
  });

  it("a gemeente removed by a herindeling is refused for a later year", async () => {
    // 0457 Weesp merged into Amsterdam in 2022; it is in no list from 2023 on.
    const e = await fout(
      h.als((ctx) => maakBerichtgever(ctx, { ...ander("7004"), gemeenten: ["0457"], vanafJaar: 2024 })),
    );
    expect(e.fouten[0]?.bericht).toMatch(/0457.*codelijst van 2024/);
  });

  it("only CBS staff may make changes", async () => {
    const contact = await h.actorVan("contactpersoon@enschede.example.nl");
    await expect(h.als((ctx) => maakBerichtgever(ctx, { ...NIEUW, code: "7005" }), contact)).rejects.toBeInstanceOf(
      GeenBeheerder,
    );
  });

  it("keeps its code once files were delivered with it", async () => {
    const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "7001" } });
    await h.als((ctx) =>
      wijzigBerichtgever(ctx, { berichtgeverId: b.id, code: "7011", naam: "Werkplein Twente-Noord" }),
    );
    await h.db.aanlevering.create({
      data: { berichtgeverId: b.id, bestandsnaam: "x.XML", grootte: 1, sha256: "a".repeat(64), bron: "PORTAAL" },
    });
    const e = await fout(h.als((ctx) => wijzigBerichtgever(ctx, { berichtgeverId: b.id, code: "7001", naam: "X" })));
    expect(e.fouten[0]?.veld).toBe("code");
    expect((await h.db.berichtgever.findUniqueOrThrow({ where: { id: b.id } })).code).toBe("7011");
  });
});

describe("one contact person per berichtgever", () => {
  it("the database refuses a second one", async () => {
    const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "0153" } });
    const ander = await h.db.user.create({
      data: { email: "tweede@enschede.example.nl", naam: "Tweede", rol: "CONTACTPERSOON", berichtgeverId: b.id },
    });
    await expect(h.db.contactpersoon.create({ data: { berichtgeverId: b.id, userId: ander.id } })).rejects.toThrow();
    // Nor can someone of another berichtgever be made contact person (composite foreign key).
    const amsterdam = await h.db.user.findUniqueOrThrow({ where: { email: "contactpersoon@amsterdam.example.nl" } });
    await expect(
      h.db.contactpersoon.update({ where: { berichtgeverId: b.id }, data: { userId: amsterdam.id } }),
    ).rejects.toThrow();
    await h.db.user.update({ where: { id: ander.id }, data: { actief: false, rol: "BACKUP" } });
  });

  it("replacing it: old person out (sessions, own tokens), new one in, history kept, three mails", async () => {
    const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "0363" } });
    const oud = await h.db.user.findUniqueOrThrow({ where: { email: "contactpersoon@amsterdam.example.nl" } });
    await sessieVoor(oud.id);
    await sessieVoor(oud.id);
    const backup = await h.als((ctx) =>
      voegBackupToe(ctx, {
        berichtgeverId: b.id,
        naam: "Bas Back-up",
        email: "backup@amsterdam.example.nl",
        telefoon: null,
      }),
    );
    const backupSessie = await sessieVoor(backup.id);
    const eigenToken = await h.db.apiToken.create({
      data: { berichtgeverId: b.id, naam: "leverancier", tokenHash: "h1", prefix: "swi_a", createdById: oud.id },
    });
    const anderToken = await h.db.apiToken.create({
      data: { berichtgeverId: b.id, naam: "ander", tokenHash: "h2", prefix: "swi_b", createdById: h.cbs.userId },
    });
    h.mails.length = 0;

    const r = await h.als((ctx) =>
      vervangContactpersoon(ctx, {
        berichtgeverId: b.id,
        naam: "Mila de Boer",
        email: "mila.deboer@amsterdam.example.nl",
        telefoon: null,
        oudeWordtBackup: false,
      }),
    );
    expect(r).toMatchObject({ sessiesBeeindigd: 2, tokensIngetrokken: 1 });

    const cp = await h.db.contactpersoon.findMany({ where: { berichtgeverId: b.id }, include: { user: true } });
    expect(cp).toHaveLength(1);
    expect(cp[0]?.user.email).toBe("mila.deboer@amsterdam.example.nl");
    expect(await h.db.user.findUniqueOrThrow({ where: { id: oud.id } })).toMatchObject({
      actief: false,
      rol: "CONTACTPERSOON",
    });
    expect(await h.db.session.count({ where: { userId: oud.id } })).toBe(0);
    expect(await h.db.session.count({ where: { id: backupSessie.id } })).toBe(1);
    expect((await h.db.apiToken.findUniqueOrThrow({ where: { id: eigenToken.id } })).revokedAt).not.toBeNull();
    expect((await h.db.apiToken.findUniqueOrThrow({ where: { id: anderToken.id } })).revokedAt).toBeNull();

    const historie = await h.db.contactpersoonHistorie.findMany({
      where: { berichtgeverId: b.id },
      orderBy: { van: "asc" },
    });
    expect(historie.map((x) => [x.email, x.tot === null])).toEqual([
      ["contactpersoon@amsterdam.example.nl", false],
      ["mila.deboer@amsterdam.example.nl", true],
    ]);

    expect(
      h.mails.map((m) => [m.aan, m.sjabloon, (m.parameters as { ontvanger?: string }).ontvanger ?? null]).sort(),
    ).toEqual(
      [
        ["contactpersoon@amsterdam.example.nl", "beheer-contactpersoon-gewijzigd", "oud"],
        ["mila.deboer@amsterdam.example.nl", "beheer-contactpersoon-gewijzigd", "nieuw"],
        ["mila.deboer@amsterdam.example.nl", "beheer-welkom", null],
      ].sort(),
    );
    const acties = (await h.db.auditLog.findMany({ where: { berichtgeverId: b.id }, orderBy: { id: "asc" } })).map(
      (a) => a.actie,
    );
    expect(acties).toContain("contactpersoon.vervang");
    expect(acties).toContain("apitoken.ingetrokken");
  });

  it("the old person may stay on as back-up user, and a back-up user may be promoted", async () => {
    const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "9012" } });
    const oud = await h.db.user.findUniqueOrThrow({
      where: { email: "contactpersoon@inburgering-middentwente.example.nl" },
    });
    await sessieVoor(oud.id);
    const backup = await h.als((ctx) =>
      voegBackupToe(ctx, {
        berichtgeverId: b.id,
        naam: "Eva",
        email: "eva@inburgering-middentwente.example.nl",
        telefoon: null,
      }),
    );
    await h.als((ctx) =>
      vervangContactpersoon(ctx, {
        berichtgeverId: b.id,
        naam: "Eva Jansen",
        email: backup.email,
        telefoon: null,
        oudeWordtBackup: true,
      }),
    );
    expect(await h.db.user.findUniqueOrThrow({ where: { id: oud.id } })).toMatchObject({ rol: "BACKUP", actief: true });
    expect(await h.db.session.count({ where: { userId: oud.id } })).toBe(0);
    expect(await h.db.user.findUniqueOrThrow({ where: { id: backup.id } })).toMatchObject({
      rol: "CONTACTPERSOON",
      naam: "Eva Jansen",
    });
    expect((await h.db.contactpersoon.findUniqueOrThrow({ where: { berichtgeverId: b.id } })).userId).toBe(backup.id);
    expect(h.mails.find((m) => m.aan === oud.email)?.parameters).toMatchObject({
      ontvanger: "oud",
      blijftBackup: true,
    });
  });

  it("refuses an address of another berichtgever and changes nothing", async () => {
    const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "0153" }, include: { contactpersoon: true } });
    const e = await fout(
      h.als((ctx) =>
        vervangContactpersoon(ctx, {
          berichtgeverId: b.id,
          naam: "X",
          email: "mila.deboer@amsterdam.example.nl",
          telefoon: null,
          oudeWordtBackup: false,
        }),
      ),
    );
    expect(e.fouten[0]?.bericht).toMatch(/0363/);
    expect((await h.db.contactpersoon.findUniqueOrThrow({ where: { berichtgeverId: b.id } })).userId).toBe(
      b.contactpersoon?.userId,
    );
  });
});

describe("back-up users", () => {
  it("may upload and see status, but not download person-level data", async () => {
    const backup = await h.actorVan("backup@amsterdam.example.nl");
    expect(backup.rol).toBe("BACKUP");
    expect(heeftRecht(backup, "uploaden")).toBe(true);
    expect(heeftRecht(backup, "statusBekijken")).toBe(true);
    expect(heeftRecht(backup, "persoonsgegevensDownloaden")).toBe(false);
    expect(heeftRecht(backup, "beheer")).toBe(false);
  });

  it("cannot download a signaleringslijst, which the contact person can", async () => {
    const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "0153" } });
    await h.als((ctx) =>
      voegBackupToe(ctx, { berichtgeverId: b.id, naam: "Bo Back-up", email: "bo@enschede.example.nl", telefoon: null }),
    );
    const map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-backup-"));
    const opslag = maakOpslag({ backend: "local", map, hoofdsleutel: crypto.randomBytes(32) });
    await opslag.schrijf("lijsten/x.csv", Readable.from([Buffer.from("bsn;regel\n")]));
    const l = await h.db.levering.create({
      data: {
        berichtgeverId: b.id,
        gemeentecode: "0153",
        statistiekjaar: 2026,
        statistiekkwartaal: 1,
        bestandsnaam: "SWI_0153_0153_20261.XML",
        grootte: 1n,
        sha256: "b".repeat(64),
        bron: "PORTAAL",
        status: "VERWERKT",
        signaleringslijst: {
          create: {
            verlooptOp: new Date(Date.now() + 86_400_000),
            csvSleutel: "lijsten/x.csv",
            xlsxSleutel: "lijsten/x.xlsx",
            aantalSignalen: 1,
          },
        },
      },
    });
    const backup = await h.actorVan("bo@enschede.example.nl");
    await expect(openSignaleringslijst(backup, l.id, "csv", { opslag })).rejects.toBeInstanceOf(GeenDownloadRecht);
    const contact = await h.actorVan("contactpersoon@enschede.example.nl");
    const d = await openSignaleringslijst(contact, l.id, "csv", { opslag });
    d.stroom.destroy();
    fs.rmSync(map, { recursive: true, force: true });
  });

  it("removing one ends their access and keeps the row", async () => {
    const u = await h.db.user.findUniqueOrThrow({ where: { email: "backup@amsterdam.example.nl" } });
    await sessieVoor(u.id);
    await h.als((ctx) => verwijderBackup(ctx, { userId: u.id }));
    expect(await h.db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ actief: false, rol: "BACKUP" });
    expect(await h.db.session.count({ where: { userId: u.id } })).toBe(0);
    expect(h.mails).toHaveLength(0);
  });
});

describe("deactivating a berichtgever", () => {
  it("ends every user's access and revokes its tokens; activating restores the contact person", async () => {
    const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code: "0153" }, include: { contactpersoon: true } });
    const cpId = b.contactpersoon!.userId;
    await sessieVoor(cpId);
    await h.db.apiToken.create({
      data: { berichtgeverId: b.id, naam: "t", tokenHash: "h3", prefix: "swi_c", createdById: h.cbs.userId },
    });
    await h.als((ctx) => deactiveerBerichtgever(ctx, { berichtgeverId: b.id }));
    expect(await h.db.user.count({ where: { berichtgeverId: b.id, actief: true } })).toBe(0);
    expect(await h.db.session.count({ where: { userId: cpId } })).toBe(0);
    expect(await h.db.apiToken.count({ where: { berichtgeverId: b.id, revokedAt: null } })).toBe(0);
    expect(await h.db.berichtgever.count({ where: { id: b.id } })).toBe(1);
    await h.als((ctx) => activeerBerichtgever(ctx, { berichtgeverId: b.id }));
    expect(await h.db.user.findUniqueOrThrow({ where: { id: cpId } })).toMatchObject({ actief: true });
  });
});
