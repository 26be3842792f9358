import type { SendVerificationRequestParams } from "next-auth/providers/email";
import { getDb } from "@/lib/db/client";
import { verstuur } from "@/lib/mail/transport";
import { inloglinkMail } from "@/emails/inloglink";
import { normaliseerEmail } from "@/lib/auth/adapter";
import { portaalUrl } from "@/lib/http/adres";

export const INLOGLINK_GELDIG_MINUTEN = 15;

/**
 * The link in the mail leads to a confirmation page, not to next-auth's callback: link
 * scanners (Microsoft 365 Safe Links) GET or HEAD every link in a mail, and only the person's
 * button press (a POST) may use up the single-use token.
 */
export function bevestigingsUrl(nextAuthUrl: string): string {
  const callback = new URL(nextAuthUrl);
  return portaalUrl(`/inloggen/bevestigen?${callback.searchParams.toString()}`);
}

export async function verstuurInloglink(params: SendVerificationRequestParams): Promise<void> {
  const user = await getDb().user.findUnique({ where: { email: normaliseerEmail(params.identifier) } });
  // Unknown or inactive: no mail, and the caller sees the same neutral answer as anyone.
  if (!user || !user.actief) return;
  const mail = await inloglinkMail({
    naam: user.naam,
    url: bevestigingsUrl(params.url),
    geldigMinuten: INLOGLINK_GELDIG_MINUTEN,
  });
  await verstuur({ aan: user.email, ...mail });
}
