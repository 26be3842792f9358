/**
 * A path with a malformed percent-encoding (`/leveringen/%ZZ`) makes Next.js fail while decoding
 * the route's parameters, which it answers with a bare English 500. The web server
 * (scripts/server.ts) asks this first and answers such a request itself: 400 with a Dutch JSON
 * message for the APIs, the portal's Dutch "niet gevonden" page for everything else.
 */
export function isGeldigGecodeerd(pad: string): boolean {
  try {
    decodeURIComponent(pad);
    return true;
  } catch {
    return false;
  }
}

/** Where a malformed page address is sent: no route has this path, so Next renders app/not-found.tsx. */
export const ONGELDIG_ADRES_PAD = "/ongeldig-adres";

export const ONGELDIG_ADRES_MELDING =
  "Dit adres is ongeldig: het bevat een %-teken dat niet wordt gevolgd door twee hexadecimale cijfers.";

/** The JSON error of the API at that path: {melding} for the vendor API, {fout} for the portal's own. */
export function ongeldigAdresJson(pad: string): string {
  return JSON.stringify(
    pad.startsWith("/api/v1/") ? { melding: ONGELDIG_ADRES_MELDING } : { fout: ONGELDIG_ADRES_MELDING },
  );
}
