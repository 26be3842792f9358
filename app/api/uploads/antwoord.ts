import { NextResponse } from "next/server";
import { heeftRecht, type Actor } from "@/lib/auth/actor";
import { AanleveringGeweigerd } from "@/lib/leveringen/ontvangst";
import { UploadFout } from "@/lib/leveringen/uploadsessie";

/** The upload API's answers to a refusal: { melding, code?, verwachteNaam? } with a fitting status. */
export function weigering(fout: unknown): Response {
  if (fout instanceof AanleveringGeweigerd) {
    return NextResponse.json(
      { melding: fout.melding, code: fout.code, ...(fout.verwachteNaam ? { verwachteNaam: fout.verwachteNaam } : {}) },
      { status: fout.code === "DUBBEL" ? 409 : 422 },
    );
  }
  if (fout instanceof UploadFout) return NextResponse.json({ melding: fout.melding }, { status: fout.status });
  throw fout;
}

export function magUploaden(actor: Actor): Response | null {
  if (heeftRecht(actor, "uploaden")) return null;
  return NextResponse.json({ melding: "U mag geen bestanden aanleveren." }, { status: 403 });
}
