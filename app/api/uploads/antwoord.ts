import { NextResponse } from "next/server";
import { heeftRecht, type Actor } from "@/lib/auth/actor";
import { AanleveringGeweigerd } from "@/lib/leveringen/ontvangst";
import { UploadFout } from "@/lib/leveringen/uploadsessie";
import { storingAntwoord, storingVan } from "@/lib/storing";

/**
 * The upload API's answers to a refusal: { melding, code?, verwachteNaam? } with a fitting status;
 * an outage (database unreachable, storage full) as 503/507 with Retry-After, the parts received
 * so far being kept.
 */
export function weigering(fout: unknown): Response {
  if (fout instanceof AanleveringGeweigerd) {
    return NextResponse.json(
      { melding: fout.melding, code: fout.code, ...(fout.verwachteNaam ? { verwachteNaam: fout.verwachteNaam } : {}) },
      { status: fout.code === "DUBBEL" ? 409 : 422 },
    );
  }
  if (fout instanceof UploadFout) return NextResponse.json({ melding: fout.melding }, { status: fout.status });
  const storing = storingVan(fout, "upload");
  if (storing) {
    console.error(`[upload] ${storing.code}:`, fout instanceof Error ? fout.message : fout);
    return storingAntwoord(storing);
  }
  throw fout;
}

export function magUploaden(actor: Actor): Response | null {
  if (heeftRecht(actor, "uploaden")) return null;
  return NextResponse.json({ melding: "U mag geen bestanden aanleveren." }, { status: 403 });
}
