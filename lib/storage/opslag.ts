import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { maakSleutelbos } from "./hoofdsleutel";
import { maakLokaleOpslag } from "./lokaal";
import { controleerPrefix, controleerSleutel } from "./opslagsleutel";
import type { RuweOpslag } from "./ruwe-opslag";
import { maakS3Opslag, type S3Config } from "./s3";
import { Ontsleutelaar, Versleutelaar } from "./versleuteling";

export type OpslagConfig = {
  /** 32-byte master key; new files are always sealed with this one. */
  hoofdsleutel: Buffer;
  /** Master keys from before a rotation: used only to read older files. */
  oudeHoofdsleutels?: Buffer[];
  /** Where `metOntsleuteldBestand` puts its short-lived plaintext copy; default os.tmpdir(). */
  tijdelijkeMap?: string;
  /** Plaintext bytes per encrypted block; default 64 KiB. Only worth changing in tests. */
  blokgrootte?: number;
} & ({ backend: "local"; map: string } | { backend: "s3"; s3: S3Config });

export interface Inhoud {
  /** Plaintext size in bytes. */
  grootte: number;
  /** Lower-case hex SHA-256 of the plaintext. */
  sha256: string;
}

/** Bytes that can be streamed: a Node Readable or any async iterable of chunks. */
export type Bron = Readable | AsyncIterable<Uint8Array>;

export interface Opslag {
  readonly backend: "local" | "s3";
  /** Encrypts `bron` while streaming it to storage; replaces an existing object atomically. */
  schrijf(sleutel: string, bron: Bron): Promise<Inhoud>;
  /**
   * Plaintext stream. Rejects at once for a missing object, a wrong key or a damaged header; a
   * damaged block later in the file makes the stream error instead, before that block's bytes are
   * released. Treat any stream error as "the whole file is invalid".
   */
  lees(sleutel: string): Promise<Readable>;
  /** Decrypts into `pad` (created 0600); removes `pad` again if anything fails. */
  leesNaarBestand(sleutel: string, pad: string): Promise<Inhoud>;
  /** Decrypts into a private temp file, runs `werk` on its path and always removes it afterwards. */
  metOntsleuteldBestand<T>(sleutel: string, werk: (pad: string, inhoud: Inhoud) => Promise<T>): Promise<T>;
  /** Idempotent: succeeds when the object is already gone. */
  verwijder(sleutel: string): Promise<void>;
  bestaat(sleutel: string): Promise<boolean>;
  /** Keys starting with `prefix`, in byte order. */
  lijst(prefix?: string): AsyncIterable<string>;
  /** Releases network connections (S3); the local backend holds nothing. */
  sluit(): Promise<void>;
}

export function maakOpslag(config: OpslagConfig): Opslag {
  const sleutelbos = maakSleutelbos(config.hoofdsleutel, config.oudeHoofdsleutels);
  const ruw: RuweOpslag = config.backend === "s3" ? maakS3Opslag(config.s3) : maakLokaleOpslag(config.map);
  const tijdelijkeMap = config.tijdelijkeMap ?? os.tmpdir();

  async function lees(sleutel: string): Promise<Readable> {
    controleerSleutel(sleutel);
    const geheim = await ruw.lees(sleutel);
    const ontsleutelaar = new Ontsleutelaar({ sleutelbos, sleutel });
    // Errors reach the consumer through `ontsleutelaar`, which pipeline destroys with them.
    pipeline(geheim, ontsleutelaar).catch(() => undefined);
    await ontsleutelaar.kop;
    return ontsleutelaar;
  }

  async function leesNaarBestand(sleutel: string, pad: string): Promise<Inhoud> {
    const stroom = await lees(sleutel);
    const meter = new Meter();
    try {
      await pipeline(stroom, meter, fs.createWriteStream(pad, { mode: 0o600 }));
    } catch (fout) {
      await fsp.rm(pad, { force: true });
      throw fout;
    }
    return meter.inhoud();
  }

  return {
    backend: config.backend,

    async schrijf(sleutel, bron) {
      controleerSleutel(sleutel);
      const meter = new Meter();
      const versleutelaar = new Versleutelaar({ sleutelbos, sleutel, blokgrootte: config.blokgrootte });
      const [invoer, opslag] = await Promise.allSettled([
        pipeline(bron, meter, versleutelaar),
        ruw.schrijf(sleutel, versleutelaar),
      ]);
      // The source's own error explains more than the "premature close" it causes downstream.
      if (invoer.status === "rejected" && !isVroegtijdigGesloten(invoer.reason)) throw invoer.reason;
      if (opslag.status === "rejected") throw opslag.reason;
      if (invoer.status === "rejected") throw invoer.reason;
      return meter.inhoud();
    },

    lees,
    leesNaarBestand,

    async metOntsleuteldBestand(sleutel, werk) {
      controleerSleutel(sleutel);
      const map = await fsp.mkdtemp(path.join(tijdelijkeMap, "swi-opslag-"));
      try {
        const pad = path.join(map, path.basename(sleutel));
        const inhoud = await leesNaarBestand(sleutel, pad);
        return await werk(pad, inhoud);
      } finally {
        await fsp.rm(map, { recursive: true, force: true });
      }
    },

    async verwijder(sleutel) {
      await ruw.verwijder(controleerSleutel(sleutel));
    },

    async bestaat(sleutel) {
      return ruw.bestaat(controleerSleutel(sleutel));
    },

    lijst(prefix = "") {
      return ruw.lijst(controleerPrefix(prefix));
    },

    sluit: () => ruw.sluit(),
  };
}

/** Counts and hashes the plaintext as it passes, so nobody has to read a file twice. */
class Meter extends Transform {
  private readonly hash = crypto.createHash("sha256");
  private grootte = 0;

  override _transform(stuk: Buffer, _codering: BufferEncoding, klaar: TransformCallback): void {
    this.hash.update(stuk);
    this.grootte += stuk.length;
    klaar(null, stuk);
  }

  inhoud(): Inhoud {
    return { grootte: this.grootte, sha256: this.hash.digest("hex") };
  }
}

function isVroegtijdigGesloten(fout: unknown): boolean {
  return (fout as NodeJS.ErrnoException | undefined)?.code === "ERR_STREAM_PREMATURE_CLOSE";
}
