import { getDb, type Db } from "@/lib/db/client";
import { isVersleuteldeTekst, tekstkluisUitOmgeving, VERSLEUTELD_PREFIX } from "@/lib/storage/tekstkluis";

/**
 * Technical error messages may quote a BSN from the file (T08, T09, a missing element "(BSN …)").
 * They are stored encrypted (lib/storage/tekstkluis.ts) and shown with the BSN masked to anyone
 * who may not see person-level data, and to the contact person until they choose to see them
 * (which is audited like a download).
 */
export const BSN_VERBORGEN = "[BSN verborgen]";

const NEGEN_CIJFERS = /(?<![\d_])\d{9}(?!\d)/g;
/** In a message about the BSN element itself, any longer number may be a mistyped BSN; line numbers are not. */
const LANG_GETAL = /(?<![\d_])(?<!regel )\d{5,}(?!\d)/gi;
const GEQUOTE_WAARDE = /(heeft de waarde )("[^"]*"|[^;\s]+)(;)/;

interface Foutregel {
  kenmerk: number | null;
  regel: string;
  bericht: string;
}

function overBsn(f: Foutregel): boolean {
  return f.kenmerk === 8 || f.regel === "T08" || f.regel === "T09";
}

export function maskeerBsns(f: Foutregel): string {
  let b = f.bericht.replace(NEGEN_CIJFERS, BSN_VERBORGEN);
  if (overBsn(f)) b = b.replace(GEQUOTE_WAARDE, `$1${BSN_VERBORGEN}$3`).replace(LANG_GETAL, BSN_VERBORGEN);
  return b;
}

export function versleutelFoutbericht(bericht: string, leveringId: string): string {
  return tekstkluisUitOmgeving().versleutel(bericht, `levering_fout:${leveringId}`);
}

/** Plaintext of a stored message; one stored before encryption existed is read as it is. */
export function ontsleutelFoutbericht(opgeslagen: string, leveringId: string): string {
  if (!isVersleuteldeTekst(opgeslagen)) return opgeslagen;
  return tekstkluisUitOmgeving().ontsleutel(opgeslagen, `levering_fout:${leveringId}`);
}

/**
 * Messages stored before they were encrypted are encrypted in place, in batches: run by the
 * worker's purge job (at start and hourly), so an upgraded portal holds no plaintext BSN in this
 * table after its first start. Returns how many were encrypted.
 */
export async function versleutelOudeFoutberichten(db: Db = getDb(), batch = 500): Promise<number> {
  let aantal = 0;
  for (;;) {
    const rijen = await db.leveringFout.findMany({
      where: { NOT: { bericht: { startsWith: VERSLEUTELD_PREFIX } } },
      select: { id: true, leveringId: true, bericht: true },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (rijen.length === 0) return aantal;
    await db.$transaction(
      rijen.map((r) =>
        db.leveringFout.update({
          where: { id: r.id },
          data: { bericht: versleutelFoutbericht(r.bericht, r.leveringId) },
        }),
      ),
    );
    aantal += rijen.length;
  }
}
