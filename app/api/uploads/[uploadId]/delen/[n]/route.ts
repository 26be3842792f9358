import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api";
import { DEEL_GROOTTE, eigenUploadSessie, ontvangDeel } from "@/lib/leveringen/uploadsessie";
import { magUploaden, weigering } from "../../../antwoord";

/** One part (raw bytes, at most 8 MiB); sending a part again replaces it. 204 when stored. */
export const PUT = apiRoute(
  z.object({ uploadId: z.string(), n: z.coerce.number().int().min(0) }),
  async ({ actor, params, req }) => {
    const verboden = magUploaden(actor);
    if (verboden) return verboden;
    const lengte = Number(req.headers.get("content-length") ?? NaN);
    if (Number.isFinite(lengte) && lengte > DEEL_GROOTTE) {
      return NextResponse.json({ melding: `Een deel is hoogstens ${DEEL_GROOTTE} bytes.` }, { status: 413 });
    }
    if (!req.body) return NextResponse.json({ melding: "Het deel is leeg." }, { status: 422 });
    try {
      const sessie = await eigenUploadSessie(actor, params.uploadId);
      await ontvangDeel(sessie, params.n, Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>));
    } catch (fout) {
      return weigering(fout);
    }
    return new Response(null, { status: 204 });
  },
);
