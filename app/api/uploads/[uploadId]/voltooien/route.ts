import { z } from "zod";
import { json } from "@/lib/http/antwoord";
import { route } from "@/lib/http/route";
import { eigenUploadSessie, voltooiUpload } from "@/lib/leveringen/uploadsessie";

/**
 * Puts the parts together and hands the file in: 201 { aanleveringId, leveringen }; 409 when the
 * same file was delivered before; 422 when parts are missing. The checks run in the background.
 */
export const POST = route(
  {
    toegang: "sessie",
    vorm: "json",
    recht: "uploaden",
    storingBij: "upload",
    params: z.object({ uploadId: z.string() }),
  },
  async ({ actor, params }) => {
    const sessie = await eigenUploadSessie(actor, params.uploadId);
    return json(await voltooiUpload(sessie), 201);
  },
);
