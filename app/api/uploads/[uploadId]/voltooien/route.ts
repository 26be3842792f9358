import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api";
import { eigenUploadSessie, voltooiUpload } from "@/lib/leveringen/uploadsessie";
import { magUploaden, weigering } from "../../antwoord";

/**
 * Puts the parts together and hands the file in: 201 { aanleveringId, leveringen }; 409 when the
 * same file was delivered before; 422 when parts are missing. The checks run in the background.
 */
export const POST = apiRoute(z.object({ uploadId: z.string() }), async ({ actor, params }) => {
  const verboden = magUploaden(actor);
  if (verboden) return verboden;
  try {
    const sessie = await eigenUploadSessie(actor, params.uploadId);
    return NextResponse.json(await voltooiUpload(sessie), { status: 201 });
  } catch (fout) {
    return weigering(fout);
  }
});
