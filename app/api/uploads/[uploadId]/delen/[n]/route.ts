import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { PortaalFout } from "@/lib/http/fouten";
import { route } from "@/lib/http/route";
import { DEEL_GROOTTE, eigenUploadSessie, ontvangDeel } from "@/lib/leveringen/uploadsessie";

/** One part (raw bytes, at most 8 MiB); sending a part again replaces it. 204 when stored. */
export const PUT = route(
  {
    toegang: "sessie",
    vorm: "json",
    recht: "uploaden",
    storingBij: "upload",
    params: z.object({ uploadId: z.string(), n: z.coerce.number().int().min(0) }),
  },
  async ({ actor, params, req }) => {
    const lengte = Number(req.headers.get("content-length") ?? NaN);
    if (Number.isFinite(lengte) && lengte > DEEL_GROOTTE) {
      throw new PortaalFout("te-groot", `Een deel is hoogstens ${DEEL_GROOTTE} bytes.`);
    }
    if (!req.body) throw new PortaalFout("niet-verwerkbaar", "Het deel is leeg.");
    const sessie = await eigenUploadSessie(actor, params.uploadId);
    await ontvangDeel(sessie, params.n, Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>));
    return new Response(null, { status: 204 });
  },
);
