import crypto from "node:crypto";
import { metDatabase } from "./db";

/**
 * A fresh API token of berichtgever `code`, straight into the database: the seeded demo token's
 * value is random and not knowable, and making one through the UI is what api-tokens e2e tests.
 */
export async function apiTokenVoor(code: string, naam = "e2e"): Promise<string> {
  const waarde = `swi_e2e${crypto.randomBytes(24).toString("base64url")}`;
  await metDatabase((c) =>
    c.query(
      `INSERT INTO api_token (id, berichtgever_id, naam, token_hash, prefix, created_by_id)
       SELECT $1, b.id, $2, $3, $4, cp.user_id
       FROM berichtgever b JOIN contactpersoon cp ON cp.berichtgever_id = b.id WHERE b.code = $5`,
      [
        `e2e${crypto.randomBytes(8).toString("hex")}`,
        naam,
        crypto.createHash("sha256").update(waarde).digest("hex"),
        waarde.slice(0, 12),
        code,
      ],
    ),
  );
  return waarde;
}
