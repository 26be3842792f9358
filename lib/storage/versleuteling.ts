import "server-only";
import crypto from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { OpslagFout } from "./fouten";
import type { Sleutelbos } from "./hoofdsleutel";

/*
 * File format "SWIE" version 1 (all integers big-endian):
 *
 *   kop   magic "SWIE" (4) | version = 1 (1) | blokgrootte = plaintext bytes per block (4)
 *         | base nonce (12) | key id length n (1) | key id, ASCII (n)
 *         | wrap nonce (12) | wrapped data key (32) | wrap tag (16)
 *   blok* AES-256-GCM ciphertext of `blokgrootte` plaintext bytes | tag (16)
 *   slot  AES-256-GCM ciphertext of 0 … blokgrootte-1 plaintext bytes | tag (16)
 *
 * Every file has its own random 256-bit data key, wrapped (AES-256-GCM) by the master key named
 * by the key id; the wrap's AAD is the header up to the key id plus the object key, so a file
 * copied to another key, or a header edited, no longer opens. Block i is encrypted with nonce =
 * base nonce XOR i (in the low 8 bytes) and AAD = the fixed header (first 21 bytes) plus one byte
 * that is 1 only for the last block. A reordered or foreign block fails on its nonce or key. The
 * last block is always shorter than a full block (possibly empty), so the reader never looks
 * ahead: a full-length block is never the last one, a file cut at a block boundary lacks its short
 * last block, and a file cut inside a block fails that block's tag. The last-block flag seals the
 * same fact cryptographically, so truncation detection does not rest on the length rule alone.
 *
 * Plaintext of a block is released only after its tag has been verified.
 */

export const MAGIC = Buffer.from("SWIE", "ascii");
export const VERSIE = 1;
export const STANDAARD_BLOKGROOTTE = 64 * 1024;
export const TAG_LENGTE = 16;
const NONCE_LENGTE = 12;
const GEGEVENSSLEUTEL_LENGTE = 32;
const VASTE_KOP_LENGTE = 4 + 1 + 4 + NONCE_LENGTE; // 21
const MIN_BLOKGROOTTE = 16;
const MAX_BLOKGROOTTE = 16 * 1024 * 1024;
const MAX_BLOKKEN = 2 ** 32;

/** Size on disk of a header with the given key id. */
export function kopLengte(sleutelIdLengte: number): number {
  return VASTE_KOP_LENGTE + 1 + sleutelIdLengte + NONCE_LENGTE + GEGEVENSSLEUTEL_LENGTE + TAG_LENGTE;
}

function blokNonce(basis: Buffer, teller: number): Buffer {
  const nonce = Buffer.from(basis);
  const laag = nonce.readBigUInt64BE(4) ^ BigInt(teller);
  nonce.writeBigUInt64BE(laag, 4);
  return nonce;
}

function blokAad(vasteKop: Buffer, laatste: boolean): Buffer {
  return Buffer.concat([vasteKop, Buffer.from([laatste ? 1 : 0])]);
}

function verpakAad(kopTotSleutelId: Buffer, objectSleutel: string): Buffer {
  return Buffer.concat([kopTotSleutelId, Buffer.from(objectSleutel, "utf8")]);
}

function beschadigd(detail: string, cause?: unknown): OpslagFout {
  return new OpslagFout(
    "BESCHADIGD",
    `Het opgeslagen bestand is beschadigd of gewijzigd en wordt niet vrijgegeven (${detail}).`,
    cause === undefined ? undefined : { cause },
  );
}

export interface VersleutelOpties {
  sleutelbos: Sleutelbos;
  /** The object key; bound into the header so the ciphertext only opens under this key. */
  sleutel: string;
  blokgrootte?: number;
}

/** Plaintext in, "SWIE" ciphertext out, one block of plaintext buffered at most. */
export class Versleutelaar extends Transform {
  private readonly gegevenssleutel: Buffer;
  private readonly basisNonce: Buffer;
  private readonly vasteKop: Buffer;
  private readonly blok: Buffer;
  private gevuld = 0;
  private teller = 0;

  constructor(opties: VersleutelOpties) {
    super();
    const blokgrootte = opties.blokgrootte ?? STANDAARD_BLOKGROOTTE;
    if (!Number.isInteger(blokgrootte) || blokgrootte < MIN_BLOKGROOTTE || blokgrootte > MAX_BLOKGROOTTE) {
      throw new RangeError(`blokgrootte ${blokgrootte} valt buiten ${MIN_BLOKGROOTTE}…${MAX_BLOKGROOTTE}`);
    }
    const { huidigeId, huidige } = opties.sleutelbos;
    this.gegevenssleutel = crypto.randomBytes(GEGEVENSSLEUTEL_LENGTE);
    this.basisNonce = crypto.randomBytes(NONCE_LENGTE);
    this.blok = Buffer.alloc(blokgrootte);

    const id = Buffer.from(huidigeId, "ascii");
    const vast = Buffer.alloc(VASTE_KOP_LENGTE);
    MAGIC.copy(vast, 0);
    vast.writeUInt8(VERSIE, 4);
    vast.writeUInt32BE(blokgrootte, 5);
    this.basisNonce.copy(vast, 9);
    this.vasteKop = vast;
    const kopTotSleutelId = Buffer.concat([vast, Buffer.from([id.length]), id]);

    const verpakNonce = crypto.randomBytes(NONCE_LENGTE);
    const verpakker = crypto.createCipheriv("aes-256-gcm", huidige, verpakNonce, { authTagLength: TAG_LENGTE });
    verpakker.setAAD(verpakAad(kopTotSleutelId, opties.sleutel));
    const verpakt = Buffer.concat([verpakker.update(this.gegevenssleutel), verpakker.final()]);
    this.push(Buffer.concat([kopTotSleutelId, verpakNonce, verpakt, verpakker.getAuthTag()]));
  }

  override _transform(stuk: Buffer | string, codering: BufferEncoding, klaar: TransformCallback): void {
    try {
      const invoer = typeof stuk === "string" ? Buffer.from(stuk, codering) : stuk;
      let positie = 0;
      while (positie < invoer.length) {
        const n = invoer.copy(this.blok, this.gevuld, positie);
        positie += n;
        this.gevuld += n;
        if (this.gevuld === this.blok.length) {
          this.push(this.versleutelBlok(this.blok, false));
          this.gevuld = 0;
        }
      }
      klaar();
    } catch (fout) {
      klaar(fout as Error);
    }
  }

  override _flush(klaar: TransformCallback): void {
    try {
      this.push(this.versleutelBlok(this.blok.subarray(0, this.gevuld), true));
      this.wis();
      klaar();
    } catch (fout) {
      klaar(fout as Error);
    }
  }

  override _destroy(fout: Error | null, klaar: (fout: Error | null) => void): void {
    this.wis();
    klaar(fout);
  }

  private versleutelBlok(platte: Buffer, laatste: boolean): Buffer {
    if (this.teller >= MAX_BLOKKEN) throw new RangeError("Bestand te groot voor één versleutelde stroom.");
    const cipher = crypto.createCipheriv("aes-256-gcm", this.gegevenssleutel, blokNonce(this.basisNonce, this.teller), {
      authTagLength: TAG_LENGTE,
    });
    cipher.setAAD(blokAad(this.vasteKop, laatste));
    const geheim = Buffer.concat([cipher.update(platte), cipher.final(), cipher.getAuthTag()]);
    this.teller++;
    return geheim;
  }

  private wis(): void {
    this.gegevenssleutel.fill(0);
    this.blok.fill(0);
  }
}

export interface OntsleutelOpties {
  sleutelbos: Sleutelbos;
  sleutel: string;
}

/**
 * "SWIE" ciphertext in, plaintext out. `kop` settles once the header is authenticated (or found
 * bad), so a caller can refuse a file with the wrong key before handing out a stream. A consumer
 * must still treat a later stream error as "the whole file is invalid": blocks before a damaged
 * one have already been delivered (they were authentic).
 */
export class Ontsleutelaar extends Transform {
  readonly kop: Promise<void>;
  private kopGelezen!: () => void;
  private kopMislukt!: (fout: Error) => void;
  private readonly opties: OntsleutelOpties;
  private readonly wachtrij: Buffer[] = [];
  private gebufferd = 0;
  private gegevenssleutel: Buffer | undefined;
  private basisNonce: Buffer | undefined;
  private vasteKop: Buffer | undefined;
  private blokLengte = 0; // on disk, including the tag
  private teller = 0;

  constructor(opties: OntsleutelOpties) {
    super();
    this.opties = opties;
    this.kop = new Promise<void>((resolve, reject) => {
      this.kopGelezen = resolve;
      this.kopMislukt = reject;
    });
    // The header promise may legitimately go unobserved (callers that just pipe the stream).
    this.kop.catch(() => undefined);
  }

  override _transform(stuk: Buffer | string, codering: BufferEncoding, klaar: TransformCallback): void {
    const invoer = typeof stuk === "string" ? Buffer.from(stuk, codering) : stuk;
    this.wachtrij.push(invoer);
    this.gebufferd += invoer.length;
    try {
      if (!this.gegevenssleutel && !this.leesKop()) return klaar();
      while (this.gebufferd >= this.blokLengte) {
        this.push(this.ontsleutelBlok(this.neem(this.blokLengte), false));
      }
      klaar();
    } catch (fout) {
      this.faal(fout as Error);
      klaar(fout as Error);
    }
  }

  override _flush(klaar: TransformCallback): void {
    try {
      if (!this.gegevenssleutel) throw beschadigd("kop onvolledig");
      if (this.gebufferd < TAG_LENGTE) throw beschadigd("laatste blok ontbreekt");
      this.push(this.ontsleutelBlok(this.neem(this.gebufferd), true));
      this.wis();
      klaar();
    } catch (fout) {
      this.faal(fout as Error);
      klaar(fout as Error);
    }
  }

  override _destroy(fout: Error | null, klaar: (fout: Error | null) => void): void {
    this.faal(fout ?? new Error("Ontsleutelen afgebroken"));
    this.wis();
    klaar(fout);
  }

  /** Returns false while the header is not yet complete. */
  private leesKop(): boolean {
    if (this.gebufferd < VASTE_KOP_LENGTE + 1) return false;
    const begin = this.kijk(VASTE_KOP_LENGTE + 1);
    if (!begin.subarray(0, 4).equals(MAGIC)) throw beschadigd("geen versleuteld SWI-bestand");
    const versie = begin.readUInt8(4);
    if (versie !== VERSIE) throw beschadigd(`onbekende formaatversie ${versie}`);
    const blokgrootte = begin.readUInt32BE(5);
    if (blokgrootte < MIN_BLOKGROOTTE || blokgrootte > MAX_BLOKGROOTTE) throw beschadigd("ongeldige blokgrootte");
    const idLengte = begin.readUInt8(VASTE_KOP_LENGTE);
    const totaal = kopLengte(idLengte);
    if (this.gebufferd < totaal) return false;

    const kop = this.neem(totaal);
    const vast = Buffer.from(kop.subarray(0, VASTE_KOP_LENGTE));
    const eindeId = VASTE_KOP_LENGTE + 1 + idLengte;
    const id = kop.subarray(VASTE_KOP_LENGTE + 1, eindeId).toString("ascii");
    const hoofdsleutel = this.opties.sleutelbos.perId.get(id);
    if (!hoofdsleutel) {
      throw new OpslagFout(
        "ONBEKENDE_HOOFDSLEUTEL",
        `Het opgeslagen bestand is versleuteld met een hoofdsleutel (id ${JSON.stringify(id)}) die niet in de configuratie staat. Zet de oude sleutel in SWI_ENCRYPTION_OLD_KEYS.`,
      );
    }
    const verpakNonce = kop.subarray(eindeId, eindeId + NONCE_LENGTE);
    const verpakt = kop.subarray(eindeId + NONCE_LENGTE, eindeId + NONCE_LENGTE + GEGEVENSSLEUTEL_LENGTE);
    const tag = kop.subarray(totaal - TAG_LENGTE, totaal);
    try {
      const ontpakker = crypto.createDecipheriv("aes-256-gcm", hoofdsleutel, verpakNonce, {
        authTagLength: TAG_LENGTE,
      });
      ontpakker.setAAD(verpakAad(kop.subarray(0, eindeId), this.opties.sleutel));
      ontpakker.setAuthTag(tag);
      this.gegevenssleutel = Buffer.concat([ontpakker.update(verpakt), ontpakker.final()]);
    } catch (fout) {
      throw beschadigd("gegevenssleutel niet te ontsluiten: verkeerde sleutel, ander bestand of gewijzigde kop", fout);
    }
    this.vasteKop = vast;
    this.basisNonce = Buffer.from(vast.subarray(9, 9 + NONCE_LENGTE));
    this.blokLengte = blokgrootte + TAG_LENGTE;
    this.kopGelezen();
    return true;
  }

  private ontsleutelBlok(blok: Buffer, laatste: boolean): Buffer {
    if (this.teller >= MAX_BLOKKEN) throw beschadigd("te veel blokken");
    const geheim = blok.subarray(0, blok.length - TAG_LENGTE);
    const tag = blok.subarray(blok.length - TAG_LENGTE);
    try {
      const decipher = crypto.createDecipheriv(
        "aes-256-gcm",
        this.gegevenssleutel!,
        blokNonce(this.basisNonce!, this.teller),
        { authTagLength: TAG_LENGTE },
      );
      decipher.setAAD(blokAad(this.vasteKop!, laatste));
      decipher.setAuthTag(tag);
      // update() output is unauthenticated until final() succeeds; it is only returned after.
      const platte = Buffer.concat([decipher.update(geheim), decipher.final()]);
      this.teller++;
      return platte;
    } catch (fout) {
      throw beschadigd(
        laatste ? `laatste blok ${this.teller} klopt niet of ontbreekt` : `blok ${this.teller} klopt niet`,
        fout,
      );
    }
  }

  private kijk(n: number): Buffer {
    const eerste = this.wachtrij[0]!;
    if (eerste.length >= n) return eerste.subarray(0, n);
    return Buffer.concat(this.wachtrij).subarray(0, n);
  }

  private neem(n: number): Buffer {
    const eerste = this.wachtrij[0]!;
    let uit: Buffer;
    if (eerste.length >= n) {
      uit = eerste.subarray(0, n);
      if (eerste.length === n) this.wachtrij.shift();
      else this.wachtrij[0] = eerste.subarray(n);
    } else {
      uit = Buffer.allocUnsafe(n);
      let gevuld = 0;
      while (gevuld < n) {
        const kop = this.wachtrij[0]!;
        const k = Math.min(kop.length, n - gevuld);
        kop.copy(uit, gevuld, 0, k);
        gevuld += k;
        if (k === kop.length) this.wachtrij.shift();
        else this.wachtrij[0] = kop.subarray(k);
      }
    }
    this.gebufferd -= n;
    return uit;
  }

  private faal(fout: Error): void {
    this.kopMislukt(fout);
  }

  private wis(): void {
    this.gegevenssleutel?.fill(0);
    this.gegevenssleutel = undefined;
  }
}
