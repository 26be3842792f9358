import "server-only";
import crypto from "node:crypto";
import { maakSleutelbos, type Sleutelbos } from "./hoofdsleutel";
import { OpslagFout } from "./fouten";
import { opslagConfigUitOmgeving, type Omgeving } from "./omgeving";

/**
 * Short texts that may hold personal data and must sit in a database column (technical error
 * messages quoting a BSN), encrypted at rest like the files: AES-256-GCM under a key derived from
 * the master key, so the WAL and backups hold no plaintext BSN.
 *
 * Format: "swi1:<key id>:<base64url nonce | ciphertext | tag>". The `context` (e.g. the delivery
 * id) is authenticated, so a value copied to another row no longer opens. After a key rotation the
 * old key, kept in SWI_ENCRYPTION_OLD_KEYS, still opens what it wrote.
 */
export const VERSLEUTELD_PREFIX = "swi1:";
const PREFIX = VERSLEUTELD_PREFIX;
const NONCE = 12;
const TAG = 16;

export interface Tekstkluis {
  versleutel(tekst: string, context: string): string;
  /** Plaintext of a value this kluis wrote; a value without the prefix (written before) as it is. */
  ontsleutel(opgeslagen: string, context: string): string;
}

export function isVersleuteldeTekst(waarde: string): boolean {
  return waarde.startsWith(PREFIX);
}

function afgeleid(hoofdsleutel: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", hoofdsleutel, Buffer.alloc(0), "swi-tekstkluis/v1", 32));
}

export function maakTekstkluis(bos: Sleutelbos): Tekstkluis {
  const sleutels = new Map([...bos.perId].map(([id, s]) => [id, afgeleid(s)]));
  const huidige = sleutels.get(bos.huidigeId)!;
  return {
    versleutel(tekst, context) {
      const nonce = crypto.randomBytes(NONCE);
      const c = crypto.createCipheriv("aes-256-gcm", huidige, nonce);
      c.setAAD(Buffer.from(context, "utf8"));
      const ct = Buffer.concat([c.update(tekst, "utf8"), c.final()]);
      return `${PREFIX}${bos.huidigeId}:${Buffer.concat([nonce, ct, c.getAuthTag()]).toString("base64url")}`;
    },
    ontsleutel(opgeslagen, context) {
      if (!isVersleuteldeTekst(opgeslagen)) return opgeslagen;
      const [id, data] = opgeslagen.slice(PREFIX.length).split(":");
      const sleutel = id ? sleutels.get(id) : undefined;
      if (!sleutel || !data) {
        throw new OpslagFout("BESCHADIGD", "Een versleutelde melding kan niet worden geopend: de sleutel ontbreekt.");
      }
      const bytes = Buffer.from(data, "base64url");
      const d = crypto.createDecipheriv("aes-256-gcm", sleutel, bytes.subarray(0, NONCE));
      d.setAAD(Buffer.from(context, "utf8"));
      d.setAuthTag(bytes.subarray(bytes.length - TAG));
      return Buffer.concat([d.update(bytes.subarray(NONCE, bytes.length - TAG)), d.final()]).toString("utf8");
    },
  };
}

let gedeeld: { sleutel: string; kluis: Tekstkluis } | null = null;

/** The kluis of this process's configuration (SWI_ENCRYPTION_KEY, or the embedded key file). */
export function tekstkluisUitOmgeving(omgeving: Omgeving = process.env): Tekstkluis {
  const sleutel = ["SWI_ENCRYPTION_KEY", "SWI_ENCRYPTION_OLD_KEYS", "SWI_VAR_DIR", "SWI_EMBEDDED"]
    .map((n) => omgeving[n] ?? "")
    .join("\n");
  if (gedeeld?.sleutel === sleutel) return gedeeld.kluis;
  const config = opslagConfigUitOmgeving(omgeving);
  const kluis = maakTekstkluis(maakSleutelbos(config.hoofdsleutel, config.oudeHoofdsleutels));
  gedeeld = { sleutel, kluis };
  return kluis;
}
