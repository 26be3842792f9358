import { SJABLONEN } from "@/emails/registry";
import type { BeheerMail } from "./mail";

export interface MailVoorbeeld {
  aan: string;
  onderwerp: string;
  tekst: string;
}

/**
 * Staff mails exactly as their recipients will get them (subject and plain text, rendered by the
 * same templates the queue uses), to read before sending.
 */
export async function mailVoorbeelden(mails: readonly BeheerMail[]): Promise<MailVoorbeeld[]> {
  return Promise.all(
    mails.map(async (m) => {
      const r = await SJABLONEN[m.sjabloon](m.parameters as never);
      return { aan: m.aan, onderwerp: r.onderwerp, tekst: r.tekst };
    }),
  );
}
