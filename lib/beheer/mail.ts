import type { SjabloonNaam, SjabloonParameters } from "@/emails/registry";
import { jobVerzender } from "@/lib/jobs/boss";
import { zetMailNaarAdresInWachtrij, zetMislukteMailTerug } from "@/lib/mail/wachtrij";
import { ActieFout, type ActieContext, type Tx } from "@/lib/acties/context";

/**
 * How staff changes send mail: queued (lib/mail/wachtrij.ts) inside the transaction of the change,
 * so a mail exists exactly when the change committed. Parameters are links, codes, counts and
 * dates, never personal data.
 */

/** The mails a change may queue through its frame (lib/acties/context.ts). */
export type BeheerSjabloon = Extract<SjabloonNaam, `beheer-${string}` | "bericht-nieuw">;

export interface BeheerMail<N extends BeheerSjabloon = BeheerSjabloon> {
  aan: string;
  sjabloon: N;
  parameters: SjabloonParameters<N>;
  berichtgeverId?: string;
}

export interface Mailer {
  zet(tx: Tx, mail: BeheerMail): Promise<void>;
  /** A failed mail back into the queue; false when there is no such failed mail. */
  opnieuw(tx: Tx, mailBerichtId: string): Promise<boolean>;
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
    opnieuw: (tx, mailBerichtId) => zetMislukteMailTerug(tx, boss, mailBerichtId),
  };
}

/** Staff: a failed mail is sent again (queued in the change's transaction) and audited. */
export async function verstuurMailOpnieuw(ctx: ActieContext, mailBerichtId: string): Promise<void> {
  if (!(await ctx.mailOpnieuw(mailBerichtId))) {
    throw new ActieFout(
      "formulier",
      "Deze e-mail kon niet opnieuw worden verstuurd: hij bestaat niet of is niet mislukt.",
    );
  }
  ctx.audit({ actie: "mail.opnieuw-versturen", doelType: "mail", doelId: mailBerichtId });
}
