import { OpslagFout } from "./fouten";

/**
 * Object keys are built by callers from database ids, but they end up as file paths on disk, so
 * they are checked strictly: lower-case ASCII segments, no empty, dot-leading or `..` parts.
 * Dot-leading names are kept free for the local backend's temp files.
 */
const SEGMENT = "[a-z0-9_-][a-z0-9._-]*";
const SLEUTEL = new RegExp(`^${SEGMENT}(/${SEGMENT})*$`);
const PREFIX = new RegExp(`^(${SEGMENT}/)*([a-z0-9_-][a-z0-9._-]*)?$`);
export const MAX_SLEUTEL_LENGTE = 512;

export function controleerSleutel(sleutel: string): string {
  if (
    typeof sleutel !== "string" ||
    sleutel.length === 0 ||
    sleutel.length > MAX_SLEUTEL_LENGTE ||
    sleutel.includes("..") ||
    !SLEUTEL.test(sleutel)
  ) {
    throw new OpslagFout(
      "ONGELDIGE_SLEUTEL",
      `Ongeldige opslagsleutel ${JSON.stringify(String(sleutel).slice(0, 80))}: alleen kleine letters, cijfers en . _ - / zijn toegestaan, zonder lege delen, zonder '..' en niet beginnend met '/' of '.'.`,
    );
  }
  return sleutel;
}

/** A prefix for `lijst`: empty, whole segments ending in '/', optionally followed by a partial name. */
export function controleerPrefix(prefix: string): string {
  if (
    typeof prefix !== "string" ||
    prefix.length > MAX_SLEUTEL_LENGTE ||
    prefix.includes("..") ||
    !PREFIX.test(prefix)
  ) {
    throw new OpslagFout(
      "ONGELDIGE_SLEUTEL",
      `Ongeldig voorvoegsel ${JSON.stringify(String(prefix).slice(0, 80))} voor het opvragen van opgeslagen bestanden.`,
    );
  }
  return prefix;
}
