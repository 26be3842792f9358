/**
 * What a person, or a vendor's software, is told while the portal itself is in trouble: the
 * database cannot be reached, or the storage is full. Neither is their mistake and both pass, so
 * the answer is 503 (database) or 507 (storage full) with Retry-After, a Dutch message to try
 * again in a few minutes, and a `code` a client can act on; never a bare 500.
 */
import { getDb } from "@/lib/db/client";
import { isDatabaseOnbereikbaar } from "@/lib/db/onbereikbaar";

/** Retry-After of these answers: a restarted database or a cleaned-up disk takes minutes, not hours. */
export const STORING_WACHT_SECONDEN = 120;

export type StoringCode = "STORING" | "OPSLAG_VOL";

export interface Storing {
  status: 503 | 507;
  code: StoringCode;
  melding: string;
  headers: { "Retry-After": string };
}

/**
 * What failed, for the message: a request in general, a file sent in one go (the vendor API: send
 * it again), or a chunked upload (the parts received so far are kept, only the rest is needed).
 */
export type StoringBij = "verzoek" | "bestand" | "upload";

const NOG_EENS = "Probeer het over enkele minuten opnieuw.";
const DELEN_BEWAARD = "De delen die al zijn ontvangen, blijven bewaard; u hoeft alleen de rest te versturen.";

/** ENOSPC/EDQUOT anywhere in the chain: the disk (or the quota) of the storage is full. */
export function isOpslagVol(fout: unknown): boolean {
  for (let f = fout, i = 0; f && typeof f === "object" && i < 10; f = (f as { cause?: unknown }).cause, i++) {
    const code = (f as { code?: unknown }).code;
    if (code === "ENOSPC" || code === "EDQUOT") return true;
  }
  return false;
}

const HEADERS = { "Retry-After": String(STORING_WACHT_SECONDEN) };

export function opslagVolStoring(bij: StoringBij = "verzoek"): Storing {
  const melding =
    bij === "verzoek"
      ? `Het portaal heeft op dit moment geen opslagruimte. ${NOG_EENS}`
      : `Het portaal kan uw bestand nu niet opslaan: de opslagruimte is tijdelijk vol. ${NOG_EENS}${bij === "upload" ? ` ${DELEN_BEWAARD}` : ""}`;
  return { status: 507, code: "OPSLAG_VOL", melding, headers: HEADERS };
}

export function databaseStoring(bij: StoringBij = "verzoek"): Storing {
  const melding =
    bij === "verzoek"
      ? `Het portaal is door een storing even niet bereikbaar. ${NOG_EENS}`
      : `Het portaal kan uw bestand nu niet opslaan door een storing. ${NOG_EENS}${bij === "upload" ? ` ${DELEN_BEWAARD}` : ""}`;
  return { status: 503, code: "STORING", melding, headers: HEADERS };
}

/** The answer for an outage, or null when `fout` is something else (a bug that must surface). */
export function storingVan(fout: unknown, bij: StoringBij = "verzoek"): Storing | null {
  if (isOpslagVol(fout)) return opslagVolStoring(bij);
  if (isDatabaseOnbereikbaar(fout)) return databaseStoring(bij);
  return null;
}

/** The answer as JSON `{ melding, code }`, never cached. */
export function storingAntwoord(s: Storing): Response {
  return Response.json(
    { melding: s.melding, code: s.code },
    { status: s.status, headers: { ...s.headers, "Cache-Control": "no-store" } },
  );
}

/**
 * True when the database does not answer within `ms`. For the one place where an outage is
 * otherwise invisible: next-auth swallows a failed session lookup and reports "not signed in",
 * which would send a signed-in person to a sign-in that cannot work either.
 */
export async function databaseOnbereikbaar(ms = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const teLaat = new Promise<"te laat">((r) => (timer = setTimeout(() => r("te laat"), ms)));
  try {
    return (await Promise.race([getDb().$queryRaw`SELECT 1`, teLaat])) === "te laat";
  } catch (fout) {
    return isDatabaseOnbereikbaar(fout);
  } finally {
    clearTimeout(timer);
  }
}

/** For the health check: the database answers a query. */
export async function databaseGezond(): Promise<boolean> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
