import { z } from "zod";
import { json } from "@/lib/http/antwoord";
import { PortaalFout } from "@/lib/http/fouten";
import { route } from "@/lib/http/route";
import { berichtgeverVoorUpload, startUpload } from "@/lib/leveringen/uploadsessie";

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
export const POST = route(
  { toegang: "sessie", vorm: "json", recht: "uploaden", storingBij: "upload" },
  async ({ actor, req }) => {
    const invoer = Invoer.safeParse(await req.json().catch(() => null));
    if (!invoer.success) throw new PortaalFout("ongeldig", "Geef de bestandsnaam en de grootte van het bestand op.");
    const berichtgever = await berichtgeverVoorUpload(actor, new URL(req.url).searchParams.get("berichtgever"));
    return json(await startUpload(berichtgever, actor.userId, invoer.data), 201);
  },
);
