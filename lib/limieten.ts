import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Rate limits, per web process (rate-limiter-flexible, in memory). With several web instances
 * the effective limit is the sum; RateLimiterPostgres from the same library is the drop-in for a
 * shared limit. Limits come from the environment so that a test suite signing in dozens of times
 * from one address can raise them.
 */
function getal(naam: string, standaard: number): number {
  const n = Number.parseInt(process.env[naam] ?? "", 10);
  return Number.isInteger(n) && n > 0 ? n : standaard;
}

type Soort = "inlogPerAdres" | "inlogPerIp" | "api";

const INSTELLINGEN: Record<Soort, () => { points: number; duration: number }> = {
  // A person asking for a link: a few tries per quarter hour is plenty.
  inlogPerAdres: () => ({ points: getal("SWI_LIMIET_INLOG_PER_ADRES", 5), duration: 15 * 60 }),
  // One office behind one address asks for many people at once: more room per IP.
  inlogPerIp: () => ({ points: getal("SWI_LIMIET_INLOG_PER_IP", 50), duration: 15 * 60 }),
  // A vendor's integration per token, per minute.
  api: () => ({ points: getal("SWI_LIMIET_API_PER_MINUUT", 120), duration: 60 }),
};

const limiters = new Map<Soort, RateLimiterMemory>();

function limiter(soort: Soort): RateLimiterMemory {
  let l = limiters.get(soort);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: soort, ...INSTELLINGEN[soort]() });
    limiters.set(soort, l);
  }
  return l;
}

export interface Oordeel {
  toegestaan: boolean;
  /** Seconds until a new try is allowed (for Retry-After), when not allowed. */
  wachtSeconden: number;
}

/** Counts one request for `sleutel`; says whether it is still within the limit. */
export async function tel(soort: Soort, sleutel: string): Promise<Oordeel> {
  try {
    await limiter(soort).consume(sleutel);
    return { toegestaan: true, wachtSeconden: 0 };
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      return { toegestaan: false, wachtSeconden: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    }
    throw e;
  }
}

/** For tests: forget all counts (and re-read the limits from the environment). */
export function vergeetLimieten(): void {
  limiters.clear();
}

export function clientIp(req: Request): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "onbekend";
}
