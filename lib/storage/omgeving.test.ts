import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { leesHoofdsleutel, sleutelId } from "./hoofdsleutel";
import { embeddedSleutelbestand, opslagConfigUitOmgeving, opslagUitOmgeving } from "./omgeving";
import { leesAlles } from "./stromen.testhulp";

describe("opslag uit de omgeving", () => {
  let varMap: string;
  beforeEach(async () => {
    varMap = await fsp.mkdtemp(path.join(os.tmpdir(), "swi-opslag-var-"));
  });
  afterEach(async () => {
    await fsp.rm(varMap, { recursive: true, force: true });
  });

  it("embedded: maakt één keer een sleutel (0600) en gebruikt die daarna opnieuw", async () => {
    const omgeving = { SWI_EMBEDDED: "1", SWI_VAR_DIR: varMap };
    const bestand = embeddedSleutelbestand(varMap);
    expect(fs.existsSync(bestand)).toBe(false);

    const eerste = opslagUitOmgeving(omgeving);
    expect(bestand).toBe(path.join(varMap, "sleutels", "master.key"));
    expect((await fsp.stat(bestand)).mode & 0o777).toBe(0o600);
    const inhoud = await fsp.readFile(bestand, "utf8");
    expect(leesHoofdsleutel(inhoud)?.length).toBe(32);
    await eerste.schrijf("leveringen/1.xml", Readable.from([Buffer.from("<swi/>")]));
    expect(fs.existsSync(path.join(varMap, "opslag", "leveringen", "1.xml"))).toBe(true);

    const tweede = opslagUitOmgeving(omgeving);
    expect(await fsp.readFile(bestand, "utf8")).toBe(inhoud);
    expect((await leesAlles(await tweede.lees("leveringen/1.xml"))).data.toString()).toBe("<swi/>");
    expect(await fsp.readdir(path.dirname(bestand))).toEqual(["master.key"]);
  });

  it("embedded met een kapot sleutelbestand: fout, en het bestand blijft staan", async () => {
    const bestand = embeddedSleutelbestand(varMap);
    await fsp.mkdir(path.dirname(bestand), { recursive: true });
    await fsp.writeFile(bestand, "geen sleutel");
    expect(() => opslagUitOmgeving({ SWI_EMBEDDED: "1", SWI_VAR_DIR: varMap })).toThrow(/bevat geen geldige sleutel/);
    expect(await fsp.readFile(bestand, "utf8")).toBe("geen sleutel");
  });

  it("zonder sleutel buiten embedded: een duidelijke Nederlandse configuratiefout", () => {
    expect(() => opslagUitOmgeving({ SWI_VAR_DIR: varMap })).toThrow(
      expect.objectContaining({ code: "CONFIGURATIE", message: expect.stringMatching(/SWI_ENCRYPTION_KEY ontbreekt/) }),
    );
    expect(fs.existsSync(embeddedSleutelbestand(varMap))).toBe(false);
  });

  it("een ongeldige sleutel wordt geweigerd", () => {
    for (const fout of [
      "kort",
      "a".repeat(63),
      crypto.randomBytes(31).toString("base64"),
      crypto.randomBytes(33).toString("hex"),
    ]) {
      expect(() => opslagConfigUitOmgeving({ SWI_ENCRYPTION_KEY: fout, SWI_VAR_DIR: varMap }), fout).toThrow(
        /SWI_ENCRYPTION_KEY is geen geldige sleutel/,
      );
    }
  });

  it("hex, base64 en base64url van dezelfde sleutel zijn dezelfde sleutel; de omgeving gaat voor embedded", () => {
    const sleutel = crypto.randomBytes(32);
    const ids = [sleutel.toString("hex"), sleutel.toString("base64"), sleutel.toString("base64url")].map((tekst) =>
      sleutelId(
        opslagConfigUitOmgeving({ SWI_ENCRYPTION_KEY: tekst, SWI_EMBEDDED: "1", SWI_VAR_DIR: varMap }).hoofdsleutel,
      ),
    );
    expect(new Set(ids)).toEqual(new Set([sleutelId(sleutel)]));
    expect(fs.existsSync(embeddedSleutelbestand(varMap))).toBe(false);
  });

  it("standaard lokaal in <var>/opslag; SWI_STORAGE_DIR en oude sleutels worden overgenomen", () => {
    const sleutel = crypto.randomBytes(32).toString("base64");
    const oud = [crypto.randomBytes(32), crypto.randomBytes(32)];
    expect(opslagConfigUitOmgeving({ SWI_ENCRYPTION_KEY: sleutel, SWI_VAR_DIR: varMap })).toMatchObject({
      backend: "local",
      map: path.join(varMap, "opslag"),
      oudeHoofdsleutels: [],
    });
    const config = opslagConfigUitOmgeving({
      SWI_ENCRYPTION_KEY: sleutel,
      SWI_STORAGE: "local",
      SWI_STORAGE_DIR: path.join(varMap, "elders"),
      SWI_ENCRYPTION_OLD_KEYS: `${oud[0]!.toString("hex")}, ${oud[1]!.toString("base64")}`,
    });
    expect(config).toMatchObject({ backend: "local", map: path.join(varMap, "elders") });
    expect(config.oudeHoofdsleutels?.map((s) => s.toString("hex"))).toEqual(oud.map((s) => s.toString("hex")));
    expect(() => opslagConfigUitOmgeving({ SWI_ENCRYPTION_KEY: sleutel, SWI_ENCRYPTION_OLD_KEYS: "x" })).toThrow(
      /SWI_ENCRYPTION_OLD_KEYS/,
    );
  });

  it("S3-instellingen", () => {
    const sleutel = crypto.randomBytes(32).toString("hex");
    expect(() => opslagConfigUitOmgeving({ SWI_ENCRYPTION_KEY: sleutel, SWI_STORAGE: "s3" })).toThrow(
      /S3_BUCKET ontbreekt/,
    );
    expect(() => opslagConfigUitOmgeving({ SWI_ENCRYPTION_KEY: sleutel, SWI_STORAGE: "ftp" })).toThrow(
      /kies local of s3/,
    );
    expect(() =>
      opslagConfigUitOmgeving({
        SWI_ENCRYPTION_KEY: sleutel,
        SWI_STORAGE: "s3",
        S3_BUCKET: "b",
        S3_ACCESS_KEY_ID: "id",
      }),
    ).toThrow(/allebei/);
    expect(
      opslagConfigUitOmgeving({
        SWI_ENCRYPTION_KEY: sleutel,
        SWI_STORAGE: "s3",
        S3_BUCKET: "swi-opslag",
        S3_ENDPOINT: "https://s3.example.nl",
        S3_REGION: "nl-ams",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "geheim",
        S3_FORCE_PATH_STYLE: "false",
      }),
    ).toMatchObject({
      backend: "s3",
      s3: {
        bucket: "swi-opslag",
        endpoint: "https://s3.example.nl",
        region: "nl-ams",
        accessKeyId: "id",
        secretAccessKey: "geheim",
        forcePathStyle: false,
      },
    });
  });
});
