import { opslagConfigUitOmgeving, maakOpslag, type Opslag } from "@/lib/storage";

/**
 * The process's encrypted storage for uploads and signaleringslijsten (lib/storage), made once per
 * configuration: an S3 backend holds connections worth reusing. Tests that change the storage
 * settings get a new one.
 */
const cache = globalThis as unknown as { __swiOpslag?: { sleutel: string; opslag: Opslag } };

const INSTELLINGEN = [
  "SWI_STORAGE",
  "SWI_STORAGE_DIR",
  "SWI_VAR_DIR",
  "SWI_EMBEDDED",
  "SWI_ENCRYPTION_KEY",
  "SWI_ENCRYPTION_OLD_KEYS",
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_REGION",
  "S3_ACCESS_KEY_ID",
  "S3_FORCE_PATH_STYLE",
  "SWI_TIJDELIJKE_MAP",
] as const;

export function leveringOpslag(): Opslag {
  const sleutel = INSTELLINGEN.map((n) => process.env[n] ?? "").join("\u0000");
  if (cache.__swiOpslag?.sleutel !== sleutel) {
    const vorige = cache.__swiOpslag?.opslag;
    if (vorige) void vorige.sluit().catch(() => {});
    cache.__swiOpslag = { sleutel, opslag: maakOpslag({ ...opslagConfigUitOmgeving(), ...tijdelijk() }) };
  }
  return cache.__swiOpslag.opslag;
}

/** Where decrypted copies go while a file is checked (the worker points this at its own folder). */
function tijdelijk(): { tijdelijkeMap?: string } {
  const map = process.env.SWI_TIJDELIJKE_MAP?.trim();
  return map ? { tijdelijkeMap: map } : {};
}
