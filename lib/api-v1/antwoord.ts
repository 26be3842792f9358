/**
 * The vendor API's answers: JSON, never cached, and every error as `{ melding }` in plain Dutch
 * (plus a machine-readable `code` where a client can act on it).
 */
export const GEEN_CACHE = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...GEEN_CACHE, ...headers } });
}

export function foutAntwoord(
  status: number,
  melding: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return json({ melding, ...extra }, status, headers);
}

/** Thrown anywhere below a v1 route to answer with this status and message. */
export class ApiFout extends Error {
  constructor(
    readonly status: number,
    readonly melding: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(melding);
    this.name = "ApiFout";
  }
}
