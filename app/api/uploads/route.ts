import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api";
import { berichtgeverVoorUpload, startUpload } from "@/lib/leveringen/uploadsessie";
import { magUploaden, weigering } from "./antwoord";

const Invoer = z.object({
  // Only a bound on the input: the name check (422) tells why a long name cannot be used.
  bestandsnaam: z.string().trim().min(1).max(10_000),
  grootte: z.number().int().min(0),
});

/**
 * Starts a chunked upload: { bestandsnaam, grootte } → 201 { uploadId, deelGrootte, delen }. A name
 * or size that can be refused without the file is refused here (422), before any byte is sent.
 * The berichtgever is the uploader's own; CBS staff name one with ?berichtgever=CODE.
 */
// No route parameters here: ctx.params is empty, hence z.unknown().
export const POST = apiRoute(z.unknown(), async ({ actor, req }) => {
  const verboden = magUploaden(actor);
  if (verboden) return verboden;
  const invoer = Invoer.safeParse(await req.json().catch(() => null));
  if (!invoer.success) {
    return NextResponse.json({ melding: "Geef de bestandsnaam en de grootte van het bestand op." }, { status: 400 });
  }
  try {
    const berichtgever = await berichtgeverVoorUpload(actor, new URL(req.url).searchParams.get("berichtgever"));
    return NextResponse.json(await startUpload(berichtgever, actor.userId, invoer.data), { status: 201 });
  } catch (fout) {
    // NietGevonden passes through: apiRoute answers 404.
    return weigering(fout);
  }
});
