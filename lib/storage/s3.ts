import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { OpslagFout } from "./fouten";
import type { RuweOpslag } from "./ruwe-opslag";

export interface S3Config {
  bucket: string;
  /** Leave out for AWS itself; set for MinIO, Ceph, a Dutch cloud provider's S3, … */
  endpoint?: string;
  region?: string;
  /** Leave both out to use the SDK's default chain (AWS_* variables, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Most S3-compatible stores want path-style addressing; default: true when `endpoint` is set. */
  forcePathStyle?: boolean;
  /**
   * Bytes per multipart part. lib-storage holds at most WACHTRIJ parts of this size in memory,
   * which is the memory bound of an upload.
   */
  deelgrootte?: number;
}

const STANDAARD_DEELGROOTTE = 8 * 1024 * 1024;
const WACHTRIJ = 2;

export function maakS3Opslag(config: S3Config): RuweOpslag {
  if (!config.bucket)
    throw new OpslagFout("CONFIGURATIE", "S3_BUCKET ontbreekt: zonder bucket kan de S3-opslag niet werken.");
  const bucket = config.bucket;
  // The SDK is only loaded when S3 is really configured; the local default stays light.
  let klaar: Promise<{ client: S3Client; sdk: typeof import("@aws-sdk/client-s3") }> | undefined;
  function verbinding() {
    klaar ??= (async () => {
      const sdk = await import("@aws-sdk/client-s3");
      const client = new sdk.S3Client({
        region: config.region ?? "us-east-1",
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle ?? config.endpoint !== undefined,
        credentials:
          config.accessKeyId && config.secretAccessKey
            ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
            : undefined,
        // Since 2025 the SDK adds CRC checksums to every upload by default; many S3-compatible
        // stores reject those. Our own GCM tags already protect the content end to end.
        ...(config.endpoint
          ? {
              requestChecksumCalculation: "WHEN_REQUIRED" as const,
              responseChecksumValidation: "WHEN_REQUIRED" as const,
            }
          : {}),
      });
      return { client, sdk };
    })();
    return klaar;
  }

  return {
    async schrijf(sleutel, geheim) {
      const { client } = await verbinding();
      const { Upload } = await import("@aws-sdk/lib-storage");
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: sleutel, Body: geheim, ContentType: "application/octet-stream" },
        partSize: config.deelgrootte ?? STANDAARD_DEELGROOTTE,
        queueSize: WACHTRIJ,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (fout) {
        geheim.destroy();
        throw fout;
      }
    },

    async lees(sleutel) {
      const { client, sdk } = await verbinding();
      try {
        const antwoord = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: sleutel }));
        return antwoord.Body as Readable;
      } catch (fout) {
        if (isNietGevonden(fout))
          throw new OpslagFout("NIET_GEVONDEN", `Er is geen opgeslagen bestand onder ${sleutel}.`);
        throw fout;
      }
    },

    async verwijder(sleutel) {
      const { client, sdk } = await verbinding();
      // DeleteObject succeeds for a missing key too, which is the idempotence we want.
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: sleutel }));
    },

    async bestaat(sleutel) {
      const { client, sdk } = await verbinding();
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: sleutel }));
        return true;
      } catch (fout) {
        if (isNietGevonden(fout)) return false;
        throw fout;
      }
    },

    async *lijst(prefix) {
      const { client, sdk } = await verbinding();
      for await (const pagina of sdk.paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
        for (const object of pagina.Contents ?? []) {
          if (object.Key) yield object.Key;
        }
      }
    },

    async sluit() {
      if (klaar) (await klaar).client.destroy();
      klaar = undefined;
    },
  };
}

function isNietGevonden(fout: unknown): boolean {
  const f = fout as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return f?.name === "NoSuchKey" || f?.name === "NotFound" || f?.$metadata?.httpStatusCode === 404;
}
