import "server-only";
import crypto from "node:crypto";
import { maakSleutelbos } from "./hoofdsleutel";
import { opslagConfigUitOmgeving, type Omgeving } from "./omgeving";

/**
 * The HMAC keys for lib/swi/signaalsleutel.ts, derived from the master key (SWI_ENCRYPTION_KEY, or
 * the embedded key file) with HKDF under their own label, rather than a separate setting: one secret
 * less to provision, validate and rotate, and the derived key is useless for encryption and the
 * other way round. The current key comes first; the keys from before a rotation
 * (SWI_ENCRYPTION_OLD_KEYS) follow, so a "klopt" given before a rotation is still recognised.
 */
export function signaalHmacSleutels(omgeving: Omgeving = process.env): Buffer[] {
  const config = opslagConfigUitOmgeving(omgeving);
  const bos = maakSleutelbos(config.hoofdsleutel, config.oudeHoofdsleutels);
  const oude = [...bos.perId].filter(([id]) => id !== bos.huidigeId).map(([, s]) => s);
  return [bos.huidige, ...oude].map((s) =>
    Buffer.from(crypto.hkdfSync("sha256", s, Buffer.alloc(0), "swi-signaalsleutel/v1", 32)),
  );
}
