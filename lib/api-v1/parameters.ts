import { z } from "zod";
import { PortaalFout } from "@/lib/http/fouten";

/** A delivery id in a v1 URL; anything else is answered 404 without a query. */
export const leveringParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * `?proef=true`: only check the upload (a proeflevering), it does not count as the delivery. A
 * value that is neither true nor false is refused rather than read as "deliver": a vendor who
 * meant a trial must never deliver by a typo.
 */
export function leesProefParameter(zoek: URLSearchParams): boolean {
  const waarde = zoek.get("proef");
  if (waarde === null || waarde === "false" || waarde === "0") return false;
  if (waarde === "true" || waarde === "1") return true;
  throw new PortaalFout("ongeldig", 'De parameter proef moet "true" of "false" zijn.', { code: "PROEF" });
}
