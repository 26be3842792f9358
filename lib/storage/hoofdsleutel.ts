import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { OpslagFout } from "./fouten";

export const HOOFDSLEUTEL_LENGTE = 32;

/**
 * Accepts 64 hex characters or base64/base64url of exactly 32 bytes. The two forms cannot be
 * confused: 32 bytes in base64 are 43–44 characters.
 */
export function leesHoofdsleutel(tekst: string): Buffer | undefined {
  const t = tekst.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(t) || /^[A-Za-z0-9_-]{43}$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (b.length === HOOFDSLEUTEL_LENGTE) return b;
  }
  return undefined;
}

export function isGeldigeHoofdsleutel(tekst: string): boolean {
  return leesHoofdsleutel(tekst) !== undefined;
}

/**
 * The key id is derived from the key itself, so an operator never has to keep ids and keys in
 * sync: after a rotation the old key goes into the "old keys" list and its files stay readable.
 * An HMAC (not a plain hash) so the id reveals nothing usable about the key.
 */
export function sleutelId(hoofdsleutel: Buffer): string {
  return crypto.createHmac("sha256", hoofdsleutel).update("swi-opslag/sleutel-id/v1").digest("hex").slice(0, 16);
}

export interface Sleutelbos {
  huidigeId: string;
  huidige: Buffer;
  /** Every key that may unwrap a file: the current one and those kept after a rotation. */
  perId: ReadonlyMap<string, Buffer>;
}

export function maakSleutelbos(huidige: Buffer, oude: readonly Buffer[] = []): Sleutelbos {
  for (const s of [huidige, ...oude]) {
    if (!Buffer.isBuffer(s) || s.length !== HOOFDSLEUTEL_LENGTE) {
      throw new OpslagFout(
        "CONFIGURATIE",
        "Een hoofdsleutel voor de versleutelde opslag moet precies 32 bytes lang zijn.",
      );
    }
  }
  const perId = new Map<string, Buffer>();
  for (const s of [...oude, huidige]) perId.set(sleutelId(s), Buffer.from(s));
  const huidigeId = sleutelId(huidige);
  return { huidigeId, huidige: perId.get(huidigeId)!, perId };
}

/**
 * Embedded (newcomer's laptop) mode keeps a generated key next to the data. The key is written to
 * a temp file and hard-linked into place, so two processes starting together agree on one key and
 * nobody ever reads a half-written file.
 */
export function hoofdsleutelUitBestand(bestand: string): Buffer {
  const bestaand = leesSleutelbestand(bestand);
  if (bestaand) return bestaand;

  fs.mkdirSync(path.dirname(bestand), { recursive: true, mode: 0o700 });
  const tijdelijk = `${bestand}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  const fd = fs.openSync(tijdelijk, "wx", 0o600);
  try {
    fs.writeSync(fd, `${crypto.randomBytes(HOOFDSLEUTEL_LENGTE).toString("base64")}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tijdelijk, bestand);
  } catch (fout) {
    if ((fout as NodeJS.ErrnoException).code !== "EEXIST") throw fout;
  } finally {
    fs.rmSync(tijdelijk, { force: true });
  }
  const sleutel = leesSleutelbestand(bestand);
  if (!sleutel) throw new OpslagFout("CONFIGURATIE", `Het sleutelbestand ${bestand} kon niet worden aangemaakt.`);
  return sleutel;
}

function leesSleutelbestand(bestand: string): Buffer | undefined {
  let tekst: string;
  try {
    tekst = fs.readFileSync(bestand, "utf8");
  } catch (fout) {
    if ((fout as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw fout;
  }
  const sleutel = leesHoofdsleutel(tekst);
  if (!sleutel) {
    throw new OpslagFout(
      "CONFIGURATIE",
      `Het sleutelbestand ${bestand} bevat geen geldige sleutel (32 bytes als base64 of hex). Zonder die sleutel zijn de opgeslagen bestanden niet te lezen; verwijder het bestand niet, maar herstel het.`,
    );
  }
  return sleutel;
}
