import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOpslagFout } from "./fouten";
import type { Opslag } from "./opslag";
import { hashVanStroom, leesAlles, sha256, verzamel } from "./stromen.testhulp";

/**
 * Behaviour every backend must show, registered as vitest tests by each backend's test file.
 * `ruweBytes` reads what the backend really stored, to prove it is ciphertext.
 */
export interface Opzet {
  opslag: Opslag;
  ruweBytes(sleutel: string): Promise<Buffer>;
  opruimen(): Promise<void>;
}

const BLOK = 64 * 1024;

export function gedeeldGedrag(naam: string, maak: () => Promise<Opzet>): void {
  describe(`opslag (${naam}): gedeeld gedrag`, () => {
    let opzet: Opzet;
    let opslag: Opslag;
    beforeAll(async () => {
      opzet = await maak();
      opslag = opzet.opslag;
    });
    afterAll(async () => {
      await opzet?.opruimen();
    });

    const gevallen: [string, number][] = [
      ["leeg", 0],
      ["klein", 1234],
      ["precies één blok", BLOK],
      ["één byte minder dan een blok", BLOK - 1],
      ["meerdere blokken", 3 * BLOK + 777],
    ];
    for (const [omschrijving, grootte] of gevallen) {
      it(`schrijft en leest terug: ${omschrijving} (${grootte} bytes)`, async () => {
        const data = crypto.randomBytes(grootte);
        const sleutel = `rondgang/${grootte}.bin`;
        const inhoud = await opslag.schrijf(sleutel, Readable.from([data]));
        expect(inhoud).toEqual({ grootte, sha256: sha256(data) });
        const terug = await leesAlles(await opslag.lees(sleutel));
        expect(terug.fout).toBeUndefined();
        expect(terug.data.equals(data)).toBe(true);
      });
    }

    it("accepteert een bron die in kleine, onregelmatige stukken komt", async () => {
      const data = crypto.randomBytes(2 * BLOK + 5000);
      async function* stukjes() {
        let i = 0;
        let stap = 1;
        while (i < data.length) {
          yield data.subarray(i, i + stap);
          i += stap;
          stap = (stap * 7 + 3) % 9001 || 1;
        }
      }
      const inhoud = await opslag.schrijf("rondgang/stukjes.bin", stukjes());
      expect(inhoud.sha256).toBe(sha256(data));
      expect((await hashVanStroom(await opslag.lees("rondgang/stukjes.bin"))).sha256).toBe(sha256(data));
    });

    it("slaat geen leesbare inhoud op", async () => {
      const merk = "GEHEIM-BSN-123456782-MARKERING";
      const tekst = `<swi>${merk}</swi>\n`.repeat(5000);
      await opslag.schrijf("leveringen/merk.xml", Readable.from([Buffer.from(tekst)]));
      const ruw = await opzet.ruweBytes("leveringen/merk.xml");
      expect(ruw.length).toBeGreaterThan(tekst.length);
      expect(ruw.includes(Buffer.from(merk))).toBe(false);
      expect(ruw.includes(Buffer.from("<swi>"))).toBe(false);
      const terug = await leesAlles(await opslag.lees("leveringen/merk.xml"));
      expect(terug.data.toString()).toBe(tekst);
    });

    it("vervangt een bestaand object", async () => {
      await opslag.schrijf("vervang/a.csv", Readable.from([Buffer.from("eerste")]));
      await opslag.schrijf("vervang/a.csv", Readable.from([Buffer.from("tweede versie")]));
      expect((await leesAlles(await opslag.lees("vervang/a.csv"))).data.toString()).toBe("tweede versie");
    });

    it("bestaat, verwijder (idempotent) en niet-gevonden", async () => {
      const sleutel = "signaleringslijsten/42.csv";
      expect(await opslag.bestaat(sleutel)).toBe(false);
      await opslag.schrijf(sleutel, Readable.from([Buffer.from("a;b\n1;2\n")]));
      expect(await opslag.bestaat(sleutel)).toBe(true);
      await opslag.verwijder(sleutel);
      expect(await opslag.bestaat(sleutel)).toBe(false);
      await expect(opslag.verwijder(sleutel)).resolves.toBeUndefined();
      const fout = await opslag.lees(sleutel).catch((f: unknown) => f);
      expect(isOpslagFout(fout, "NIET_GEVONDEN")).toBe(true);
    });

    it("lijst geeft sleutels met het voorvoegsel, gesorteerd", async () => {
      for (const s of ["lijst/b/2.xml", "lijst/a/1.xml", "lijst/a/0.xml", "lijstje/x.xml", "lijst/c.csv"]) {
        await opslag.schrijf(s, Readable.from([Buffer.from(s)]));
      }
      expect(await verzamel(opslag.lijst("lijst/"))).toEqual([
        "lijst/a/0.xml",
        "lijst/a/1.xml",
        "lijst/b/2.xml",
        "lijst/c.csv",
      ]);
      expect(await verzamel(opslag.lijst("lijst/a/"))).toEqual(["lijst/a/0.xml", "lijst/a/1.xml"]);
      expect(await verzamel(opslag.lijst("lijst"))).toEqual([
        "lijst/a/0.xml",
        "lijst/a/1.xml",
        "lijst/b/2.xml",
        "lijst/c.csv",
        "lijstje/x.xml",
      ]);
      expect(await verzamel(opslag.lijst("bestaat-niet/"))).toEqual([]);
      await opslag.verwijder("lijst/a/0.xml");
      expect(await verzamel(opslag.lijst("lijst/a/"))).toEqual(["lijst/a/1.xml"]);
    });

    it("leesNaarBestand ontsleutelt naar een pad; metOntsleuteldBestand ruimt op", async () => {
      const data = crypto.randomBytes(BLOK * 2 + 10);
      await opslag.schrijf("leveringen/zip-1.zip", Readable.from([data]));
      const map = await fsp.mkdtemp(path.join(os.tmpdir(), "swi-opslag-test-"));
      try {
        const doel = path.join(map, "uit.zip");
        const inhoud = await opslag.leesNaarBestand("leveringen/zip-1.zip", doel);
        expect(inhoud).toEqual({ grootte: data.length, sha256: sha256(data) });
        expect((await fsp.readFile(doel)).equals(data)).toBe(true);
        expect((await fsp.stat(doel)).mode & 0o777).toBe(0o600);
      } finally {
        await fsp.rm(map, { recursive: true, force: true });
      }

      let gezien = "";
      const gelezen = await opslag.metOntsleuteldBestand("leveringen/zip-1.zip", async (pad, inhoud) => {
        gezien = pad;
        expect(inhoud.sha256).toBe(sha256(data));
        return (await fsp.readFile(pad)).equals(data);
      });
      expect(gelezen).toBe(true);
      expect(fs.existsSync(gezien)).toBe(false);
      expect(fs.existsSync(path.dirname(gezien))).toBe(false);
    });

    it("een bron die halverwege faalt laat geen object achter", async () => {
      async function* kapot() {
        yield crypto.randomBytes(BLOK * 2);
        throw new Error("verbinding met de browser verbroken");
      }
      await expect(opslag.schrijf("half/kapot.xml", kapot())).rejects.toThrow("verbinding met de browser verbroken");
      expect(await opslag.bestaat("half/kapot.xml")).toBe(false);
      expect(await verzamel(opslag.lijst("half/"))).toEqual([]);
    });

    it("weigert onveilige sleutels voordat de backend iets doet", async () => {
      for (const sleutel of [
        "../x",
        "/etc/passwd",
        "a\\b",
        "a/../../b",
        "",
        "A.xml",
        "a//b",
        "a/",
        ".verborgen",
        "a/.tmp",
      ]) {
        await expect(opslag.schrijf(sleutel, Readable.from([Buffer.from("x")])), sleutel).rejects.toMatchObject({
          code: "ONGELDIGE_SLEUTEL",
        });
        await expect(opslag.lees(sleutel), sleutel).rejects.toMatchObject({ code: "ONGELDIGE_SLEUTEL" });
        await expect(opslag.verwijder(sleutel), sleutel).rejects.toMatchObject({ code: "ONGELDIGE_SLEUTEL" });
        await expect(opslag.bestaat(sleutel), sleutel).rejects.toMatchObject({ code: "ONGELDIGE_SLEUTEL" });
      }
      expect(() => opslag.lijst("../")).toThrow(/voorvoegsel/);
    });
  });
}
