import type { SjabloonNaam, SjabloonParameters } from "@/emails/registry";
import { jobVerzender } from "@/lib/jobs/boss";
import { portaalUrl, zetMailNaarAdresInWachtrij } from "@/lib/mail/wachtrij";
import type { Tx } from "./context";

/**
 * How staff changes send mail: queued (lib/mail/wachtrij.ts) inside the transaction of the change,
 * so a mail exists exactly when the change committed. Parameters are links, codes, counts and
 * dates, never personal data.
 */

export type BeheerSjabloon = Extract<SjabloonNaam, `beheer-${string}`>;

export interface BeheerMail<N extends BeheerSjabloon = BeheerSjabloon> {
  aan: string;
  sjabloon: N;
  parameters: SjabloonParameters<N>;
  berichtgeverId?: string;
}

export interface Mailer {
  zet(tx: Tx, mail: BeheerMail): Promise<void>;
}

/**
 * The queue's sending instance must be running before the transaction opens (on the embedded
 * PGlite an open transaction makes every other connection wait), hence a mailer made up front.
 */
export async function wachtrijMailer(): Promise<Mailer> {
  const boss = await jobVerzender();
  return {
    async zet(tx, mail) {
      await zetMailNaarAdresInWachtrij(
        {
          aan: mail.aan,
          sjabloon: mail.sjabloon,
          parameters: mail.parameters as never,
          berichtgeverId: mail.berichtgeverId,
        },
        { tx, boss },
      );
    },
  };
}

export { portaalUrl };
