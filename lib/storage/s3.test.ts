import crypto from "node:crypto";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOpslagFout } from "./fouten";
import { maakOpslag, type Opslag } from "./opslag";
import { gedeeldGedrag } from "./opslag-gedrag.testhulp";
import { gegenereerdeStroom, hashVanStroom, leesOnderToezicht } from "./stromen.testhulp";

/**
 * Against s3rver, a real S3-compatible HTTP server (in-process, files in a temp dir): the AWS SDK
 * signs, uploads multipart and lists exactly as it would against MinIO or AWS.
 */
async function startS3() {
  const map = await fsp.mkdtemp(path.join(os.tmpdir(), "swi-s3rver-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: map,
    configureBuckets: [{ name: "swi" }],
  });
  const { port } = await server.run();
  const s3 = {
    bucket: "swi",
    endpoint: `http://127.0.0.1:${port}`,
    region: "eu-west-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    deelgrootte: 5 * 1024 * 1024,
  };
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  async function ruweBytes(sleutel: string): Promise<Buffer> {
    const antwoord = await client.send(new GetObjectCommand({ Bucket: "swi", Key: sleutel }));
    return Buffer.from(await antwoord.Body!.transformToByteArray());
  }
  async function stop() {
    client.destroy();
    await server.close();
    await fsp.rm(map, { recursive: true, force: true });
  }
  return { s3, client, ruweBytes, stop };
}

gedeeldGedrag("s3", async () => {
  const s = await startS3();
  const opslag = maakOpslag({ backend: "s3", s3: s.s3, hoofdsleutel: crypto.randomBytes(32) });
  return {
    opslag,
    ruweBytes: s.ruweBytes,
    opruimen: async () => {
      await opslag.sluit();
      await s.stop();
    },
  };
});

describe("opslag (s3): multipart en manipulatie", () => {
  let s: Awaited<ReturnType<typeof startS3>>;
  let opslag: Opslag;
  beforeAll(async () => {
    s = await startS3();
    opslag = maakOpslag({ backend: "s3", s3: s.s3, hoofdsleutel: crypto.randomBytes(32) });
  });
  afterAll(async () => {
    await opslag?.sluit();
    await s?.stop();
  });

  it(
    "een bestand groter dan een part gaat in delen (multipart) en komt gelijk terug",
    { timeout: 60_000 },
    async () => {
      const GROOTTE = 12 * 1024 * 1024 + 4321;
      const { stroom, verwacht } = gegenereerdeStroom(GROOTTE, "s3");
      const inhoud = await opslag.schrijf("leveringen/groot.xml", stroom);
      expect(inhoud).toEqual({ grootte: GROOTTE, sha256: await verwacht });
      expect(await hashVanStroom(await opslag.lees("leveringen/groot.xml"))).toEqual(inhoud);
      const ruw = await s.ruweBytes("leveringen/groot.xml");
      expect(ruw.length).toBeGreaterThan(GROOTTE);
    },
  );

  it("een in de bucket gewijzigd object wordt niet vrijgegeven", async () => {
    const data = Buffer.concat([Buffer.alloc(64 * 1024, 0x61), Buffer.alloc(64 * 1024, 0x62), Buffer.from("einde")]);
    await opslag.schrijf("leveringen/knoei.xml", Readable.from([data]));
    const ruw = await s.ruweBytes("leveringen/knoei.xml");
    ruw[ruw.length - 100]! ^= 0x04; // inside the second block; the last one holds only "einde"
    await s.client.send(new PutObjectCommand({ Bucket: "swi", Key: "leveringen/knoei.xml", Body: ruw }));
    const { data: uit, fout, vrijgegeven } = await leesOnderToezicht(() => opslag.lees("leveringen/knoei.xml"));
    expect(isOpslagFout(fout, "BESCHADIGD")).toBe(true);
    expect(vrijgegeven.equals(uit)).toBe(true);
    expect(uit.equals(data.subarray(0, 64 * 1024))).toBe(true);
  });

  it("een andere hoofdsleutel kan het object niet openen", async () => {
    await opslag.schrijf("leveringen/sleutel.xml", Readable.from([Buffer.from("x")]));
    const ander = maakOpslag({ backend: "s3", s3: s.s3, hoofdsleutel: crypto.randomBytes(32) });
    await expect(ander.lees("leveringen/sleutel.xml")).rejects.toMatchObject({ code: "ONBEKENDE_HOOFDSLEUTEL" });
    await ander.sluit();
  });
});
