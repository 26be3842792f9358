import { z } from "zod";
import { json } from "@/lib/http/antwoord";
import { route } from "@/lib/http/route";
import { eigenUploadSessie, voltooiUpload } from "@/lib/leveringen/uploadsessie";
import { leesProefParameter } from "@/lib/api-v1/parameters";

/**
 * Puts the parts together and hands the file in: 201 { aanleveringId, leveringen }; 409 when the
 * same file was delivered before; 422 when parts are missing. The checks run in the background.
 * `?proef=true`: only check it (a proeflevering), it does not count as the delivery.
 */
export const POST = route(
  {
    toegang: "sessie",
    vorm: "json",
    recht: "uploaden",
    storingBij: "upload",
    params: z.object({ uploadId: z.string() }),
  },
  async ({ actor, params, req }) => {
    const sessie = await eigenUploadSessie(actor, params.uploadId);
    const proef = leesProefParameter(new URL(req.url).searchParams);
    return json(await voltooiUpload(sessie, undefined, { proef }), 201);
  },
);
