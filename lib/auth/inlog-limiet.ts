import { env } from "@/lib/env";
import { clientIp, tel } from "@/lib/limieten";
import { normaliseerEmail } from "@/lib/auth/adapter";

/**
 * Limits requests for a sign-in mail, per address and per IP. Every address counts alike,
 * known or not, so the limit tells nothing about which addresses exist. Answers in the shape
 * next-auth's client expects (`{ url }` with an error code), with status 429 and Retry-After.
 */
export async function beperkInlogverzoek(req: Request): Promise<Response | null> {
  const pad = new URL(req.url).pathname;
  if (req.method !== "POST" || !pad.endsWith("/signin/email")) return null;
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = typeof form?.get("email") === "string" ? normaliseerEmail(form.get("email") as string) : "";
  const oordelen = await Promise.all([
    tel("inlogPerIp", clientIp(req)),
    email ? tel("inlogPerAdres", email) : Promise.resolve({ toegestaan: true, wachtSeconden: 0 }),
  ]);
  const geweigerd = oordelen.find((o) => !o.toegestaan);
  if (!geweigerd) return null;
  return Response.json(
    { url: `${env().APP_URL}/inloggen/fout?error=TeVeelPogingen` },
    { status: 429, headers: { "Retry-After": String(geweigerd.wachtSeconden) } },
  );
}
