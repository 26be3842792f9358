import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maakTestDatabase, type TestDatabase } from "@/lib/db/database.testhulp";
import { closeDb } from "@/lib/db/client";
import { NietGevonden } from "@/lib/http/fouten";
import { maakOpslag, type Opslag } from "@/lib/storage";
import { GeenDownloadRecht, openSignaleringslijst, SignaleringslijstVerlopen } from "./signaleringslijst-download";
import { maakLevering, maakTestwereld, type Testwereld } from "./testwereld.testhulp";

const NU = new Date("2026-11-23T10:00:00Z");
const CSV = '\uFEFFBSN;Kenmerk(en)\r\n"012345672";5\r\n';

let t: TestDatabase;
let w: Testwereld;
let opslag: Opslag;
let map: string;
let vorigeUrl: string | undefined;

beforeAll(async () => {
  t = await maakTestDatabase();
  vorigeUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = t.url;
  w = await maakTestwereld(t.db);
  map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-download-"));
  opslag = maakOpslag({ backend: "local", map, hoofdsleutel: crypto.randomBytes(32) });
});

afterAll(async () => {
  await closeDb();
  if (vorigeUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = vorigeUrl;
  await t?.close();
  fs.rmSync(map, { recursive: true, force: true });
});

async function leveringMetLijst(opties: { verlooptOp?: Date; verwijderdOp?: Date } = {}) {
  const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "VERWERKT" });
  const csvSleutel = `signaleringslijsten/${l.id}.csv`;
  const xlsxSleutel = `signaleringslijsten/${l.id}.xlsx`;
  await opslag.schrijf(csvSleutel, Readable.from([Buffer.from(CSV)]));
  await opslag.schrijf(xlsxSleutel, Readable.from([Buffer.from("PK-nep-xlsx")]));
  const lijst = await t.db.signaleringslijst.create({
    data: {
      leveringId: l.id,
      aangemaaktOp: new Date("2026-11-20T10:00:00Z"),
      verlooptOp: opties.verlooptOp ?? new Date("2026-12-04T10:00:00Z"),
      verwijderdOp: opties.verwijderdOp ?? null,
      csvSleutel,
      xlsxSleutel,
      aantalSignalen: 1,
    },
  });
  return { levering: l, lijst };
}

async function lees(stroom: Readable): Promise<string> {
  const delen: Buffer[] = [];
  for await (const d of stroom) delen.push(d as Buffer);
  return Buffer.concat(delen).toString("utf8");
}

const downloads = (doelId: string) =>
  t.db.auditLog.findMany({ where: { actie: "download.signaleringslijst", doelId }, orderBy: { id: "asc" } });

describe("openSignaleringslijst", () => {
  it("streams the decrypted file to the contact person and audits every download", async () => {
    const { levering, lijst } = await leveringMetLijst();
    const csv = await openSignaleringslijst(w.contact0153, levering.id, "csv", { code: "0153", nu: NU, opslag });
    expect(csv.bestandsnaam).toBe("signaleringslijst_SWI_0153_0153_20263.csv");
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(await lees(csv.stroom)).toBe(CSV);
    const xlsx = await openSignaleringslijst(w.contact0153, levering.id, "xlsx", { nu: NU, opslag });
    expect(await lees(xlsx.stroom)).toBe("PK-nep-xlsx");
    const staf = await openSignaleringslijst(w.cbs, levering.id, "csv", { nu: NU, opslag });
    staf.stroom.destroy();

    const log = await downloads(lijst.id);
    expect(log.map((r) => [r.actorEmail, r.actorRol, (r.details as { formaat: string }).formaat])).toEqual([
      ["contactpersoon@enschede.example.nl", "CONTACTPERSOON", "csv"],
      ["contactpersoon@enschede.example.nl", "CONTACTPERSOON", "xlsx"],
      ["beheer@cbs.example.nl", "CBS", "csv"],
    ]);
    expect(log[0]).toMatchObject({ doelType: "signaleringslijst", berichtgeverId: w.berichtgever["0153"] });
    expect((log[0]!.details as { leveringId: string }).leveringId).toBe(levering.id);
    expect(JSON.stringify(log.map((r) => r.details))).not.toContain("012345672");
  });

  it("gives a contact person of 0363 NietGevonden for a 0153 list, without a log entry", async () => {
    const { levering, lijst } = await leveringMetLijst();
    await expect(openSignaleringslijst(w.contact0363, levering.id, "csv", { nu: NU, opslag })).rejects.toBeInstanceOf(
      NietGevonden,
    );
    await expect(
      openSignaleringslijst(w.cbs, levering.id, "csv", { code: "0363", nu: NU, opslag }),
    ).rejects.toBeInstanceOf(NietGevonden);
    expect(await downloads(lijst.id)).toHaveLength(0);
  });

  it("refuses a back-up user: no person-level downloads", async () => {
    const { levering, lijst } = await leveringMetLijst();
    await expect(openSignaleringslijst(w.backup0153, levering.id, "csv", { nu: NU, opslag })).rejects.toBeInstanceOf(
      GeenDownloadRecht,
    );
    await expect(openSignaleringslijst(w.backup0153, levering.id, "xlsx", { nu: NU, opslag })).rejects.toBeInstanceOf(
      GeenDownloadRecht,
    );
    expect(await downloads(lijst.id)).toHaveLength(0);
  });

  it("refuses an expired or removed list", async () => {
    const verlopen = await leveringMetLijst({ verlooptOp: new Date("2026-11-23T09:59:59Z") });
    await expect(
      openSignaleringslijst(w.contact0153, verlopen.levering.id, "csv", { nu: NU, opslag }),
    ).rejects.toBeInstanceOf(SignaleringslijstVerlopen);
    const weg = await leveringMetLijst({ verwijderdOp: new Date("2026-11-22T00:00:00Z") });
    await expect(
      openSignaleringslijst(w.contact0153, weg.levering.id, "xlsx", { nu: NU, opslag }),
    ).rejects.toBeInstanceOf(SignaleringslijstVerlopen);
    expect(await downloads(verlopen.lijst.id)).toHaveLength(0);
    expect(await downloads(weg.lijst.id)).toHaveLength(0);
  });

  it("does not log a download when the file cannot be read", async () => {
    const { levering, lijst } = await leveringMetLijst();
    await opslag.verwijder(lijst.csvSleutel);
    await expect(openSignaleringslijst(w.contact0153, levering.id, "csv", { nu: NU, opslag })).rejects.toThrow();
    expect(await downloads(lijst.id)).toHaveLength(0);
  });

  it("answers NietGevonden for a delivery without a list", async () => {
    const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "AFGEKEURD" });
    await expect(openSignaleringslijst(w.contact0153, l.id, "csv", { nu: NU, opslag })).rejects.toBeInstanceOf(
      NietGevonden,
    );
  });
});
