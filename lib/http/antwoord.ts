/**
 * How the portal answers a request, in one place: JSON that no cache keeps, every error as
 * `{ melding, code? }` in plain Dutch, plain text for a refused download, files as attachments.
 */
import { storingVan, type Storing, type StoringBij } from "@/lib/storing";
import { PortaalFout } from "./fouten";

export const GEEN_CACHE = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...GEEN_CACHE, ...headers } });
}

/** An error as JSON: `{ melding, code?, ...extra }`, the one shape every route answers with. */
export function foutJson(
  status: number,
  melding: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return json({ melding, ...extra }, status, headers);
}

/** A refusal for a browser navigation (a download link): the Dutch sentence as plain text. */
export function foutTekst(status: number, melding: string, headers: Record<string, string> = {}): Response {
  return new Response(melding, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...GEEN_CACHE, ...headers },
  });
}

/** A file to save: an attachment that no cache keeps and no browser sniffs into something else. */
export function bijlage(body: BodyInit, bestandsnaam: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${bestandsnaam}"`,
      ...GEEN_CACHE,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A CSV download: UTF-8 (the writer puts the BOM in, so Excel shows é and ë). */
export function csvBijlage(body: ReadableStream<Uint8Array> | string, bestandsnaam: string): Response {
  return bijlage(body, bestandsnaam, "text/csv; charset=utf-8");
}

export type Vorm = "json" | "tekst";

function storingAntwoord(s: Storing, vorm: Vorm): Response {
  return vorm === "json"
    ? foutJson(s.status, s.melding, { code: s.code }, s.headers)
    : foutTekst(s.status, s.melding, s.headers);
}

/**
 * Every error a route lets through becomes its answer here: a PortaalFout its status and
 * sentence, an outage 503/507 with Retry-After, anything else a 500 that says nothing about the
 * data (the message is logged; lib/ never puts a BSN in an exception).
 */
export function foutAntwoord(e: unknown, req: Request, vorm: Vorm, storingBij: StoringBij = "verzoek"): Response {
  if (e instanceof PortaalFout) {
    const extra = { ...(e.code ? { code: e.code } : {}), ...e.extra };
    return vorm === "json"
      ? foutJson(e.status, e.melding, extra, e.headers)
      : foutTekst(e.status, e.melding, e.headers);
  }
  const pad = new URL(req.url).pathname;
  const storing = storingVan(e, storingBij);
  if (storing) {
    console.error(`${req.method} ${pad}: ${storing.code}:`, e instanceof Error ? e.message : e);
    return storingAntwoord(storing, vorm);
  }
  console.error(`${req.method} ${pad}:`, e instanceof Error ? e.message : e);
  const melding = "Er ging iets mis bij het verwerken van uw verzoek. Probeer het later opnieuw.";
  return vorm === "json" ? foutJson(500, melding) : foutTekst(500, melding);
}
