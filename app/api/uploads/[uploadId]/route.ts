import { z } from "zod";
import { route } from "@/lib/http/route";
import { eigenUploadSessie, ontvangenDelen } from "@/lib/leveringen/uploadsessie";

/** The parts received so far, to resume after a dropped connection: { ontvangenDelen: number[] }. */
export const GET = route(
  { toegang: "sessie", vorm: "json", params: z.object({ uploadId: z.string() }) },
  async ({ actor, params }) => {
    const sessie = await eigenUploadSessie(actor, params.uploadId);
    return { ontvangenDelen: await ontvangenDelen(sessie), delen: sessie.delen };
  },
);
