/**
 * The outgoing mail queue. A mail is a MailBericht row (recipient, template name, parameters,
 * status) plus a pg-boss job "mail.verstuur" that renders and sends it, retried with backoff while
 * the SMTP server refuses. So a mail server outage never fails the work that queued the mail, and
 * CBS staff see every mail's state (/beheer/mail). No body is stored: it is rendered again from the
 * template when sent.
 */
import type PgBoss from "pg-boss";
import {
  SJABLONEN,
  isSjabloonNaam,
  type Sjabloon,
  type SjabloonNaam,
  type SjabloonParameters,
} from "@/emails/registry";
import { type Actor, heeftRecht } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/http/fouten";
import { getDb } from "@/lib/db/client";
import { opnieuwBijStoring } from "@/lib/db/onbereikbaar";
import type { MailStatus, Prisma } from "@/lib/generated/prisma/client";
import { jobVerzender, stuurJob, WACHTRIJEN } from "@/lib/jobs/boss";
import { verstuur } from "./transport";

export interface WachtrijOpties {
  /** Queue the mail as part of this transaction (it then exists exactly when the transaction commits). */
  tx?: Prisma.TransactionClient;
  /**
   * A started pg-boss instance. Inside a transaction it must be started already (see
   * lib/jobs/boss.ts): pass it, or await jobVerzender() before the transaction opens.
   */
  boss?: PgBoss;
}

export interface MailInput<N extends SjabloonNaam> {
  sjabloon: N;
  parameters: SjabloonParameters<N>;
}

/**
 * A 9-digit number outside a link: what a BSN looks like. Mails never carry personal data; a
 * template or parameter that would put one in is a bug, so such a mail is stopped, not sent.
 */
export function lijktPersoonsgegeven(tekst: string): boolean {
  const zonderLinks = tekst.replace(/https?:\/\/\S+/g, " ");
  return /(?<!\d)\d{9}(?!\d)/.test(zonderLinks.replace(/(?<=\d)[ .](?=\d)/g, ""));
}

/**
 * Queues a mail to the berichtgever's current registered contact person. Returns the MailBericht
 * id, or null when the berichtgever has no contact person (nothing to send).
 */
export async function zetMailInWachtrij<N extends SjabloonNaam>(
  input: MailInput<N> & { berichtgeverId: string },
  opties: WachtrijOpties = {},
): Promise<string | null> {
  const db = opties.tx ?? getDb();
  const cp = await db.contactpersoon.findUnique({
    where: { berichtgeverId: input.berichtgeverId },
    include: { user: { select: { email: true, actief: true } } },
  });
  if (!cp || !cp.user.actief) {
    console.warn(
      `[mail] berichtgever ${input.berichtgeverId} heeft geen actieve contactpersoon; ${input.sjabloon} niet verstuurd.`,
    );
    return null;
  }
  return zetMailNaarAdresInWachtrij({ ...input, aan: cp.user.email }, opties);
}

/** Queues a mail to a given address (staff features: a welcome mail to a new contact person, …). */
export async function zetMailNaarAdresInWachtrij<N extends SjabloonNaam>(
  input: MailInput<N> & { aan: string; berichtgeverId?: string | null },
  opties: WachtrijOpties = {},
): Promise<string> {
  const db = opties.tx ?? getDb();
  // Rendered now as well as when sent: a template that fails or would carry a BSN is found here,
  // by the code that queued it, and the subject is known for the staff overview.
  const mail = await (SJABLONEN[input.sjabloon] as Sjabloon)(input.parameters);
  const geweigerd = lijktPersoonsgegeven(`${mail.onderwerp}\n${mail.tekst}`);
  if (opties.tx && !opties.boss) {
    throw new Error("zetMailInWachtrij in een transactie: geef een gestarte pg-boss mee (opties.boss).");
  }
  const boss = geweigerd ? null : (opties.boss ?? (await jobVerzender()));
  const bericht = await db.mailBericht.create({
    data: {
      aan: input.aan,
      onderwerp: mail.onderwerp,
      sjabloon: input.sjabloon,
      parameters: input.parameters as Prisma.InputJsonValue,
      berichtgeverId: input.berichtgeverId ?? null,
      ...(geweigerd
        ? {
            status: "MISLUKT",
            laatsteFout: "Niet verstuurd: de e-mail leek een BSN of ander persoonsgegeven te bevatten.",
          }
        : {}),
    },
  });
  if (boss) await stuurJob(boss, WACHTRIJEN.verstuurMail, { mailBerichtId: bericht.id }, opties.tx);
  else console.error(`[mail] ${input.sjabloon} (${bericht.id}) tegengehouden: leek persoonsgegevens te bevatten.`);
  return bericht.id;
}

const MAX_FOUTTEKST = 500;

/**
 * The job handler: renders and sends one queued mail. Throws on an SMTP failure so pg-boss retries
 * with backoff; on the last attempt the mail is marked MISLUKT. A mail already sent is not sent
 * again (a retried job after a crash between sending and recording may still send twice: SMTP
 * gives no way to make that exactly-once).
 */
export async function verstuurMailBericht(mailBerichtId: string, opties: { laatstePoging: boolean }): Promise<void> {
  const db = getDb();
  const m = await db.mailBericht.findUnique({ where: { id: mailBerichtId } });
  if (!m || m.status !== "WACHTRIJ") return;
  if (!isSjabloonNaam(m.sjabloon)) {
    await db.mailBericht.update({
      where: { id: m.id },
      data: { status: "MISLUKT", laatsteFout: `Onbekend sjabloon ${m.sjabloon}.` },
    });
    return;
  }
  try {
    const mail = await (SJABLONEN[m.sjabloon] as Sjabloon)(m.parameters);
    if (lijktPersoonsgegeven(`${mail.onderwerp}\n${mail.tekst}`)) {
      await db.mailBericht.update({
        where: { id: m.id },
        data: {
          status: "MISLUKT",
          laatsteFout: "Niet verstuurd: de e-mail leek een BSN of ander persoonsgegeven te bevatten.",
        },
      });
      return;
    }
    await verstuur({ aan: m.aan, onderwerp: mail.onderwerp, html: mail.html, tekst: mail.tekst });
  } catch (fout) {
    await db.mailBericht.update({
      where: { id: m.id },
      data: {
        pogingen: { increment: 1 },
        laatsteFout: foutTekst(fout),
        status: opties.laatstePoging ? "MISLUKT" : "WACHTRIJ",
      },
    });
    throw fout;
  }
  // Sent: recording that must survive a short database outage, or the retry would send it again.
  await opnieuwBijStoring(
    () =>
      db.mailBericht.update({
        where: { id: m.id },
        data: { status: "VERZONDEN", verzondenOp: new Date(), pogingen: { increment: 1 }, laatsteFout: null },
      }),
    VASTLEGGEN_MS,
  );
}

/** How long a sent mail's record waits for the database: below the mail job's 5-minute expiry. */
const VASTLEGGEN_MS = 4 * 60_000;

/** Dead-letter handler: the job is gone for good (e.g. the worker died on the last attempt). */
export async function markeerMailMislukt(mailBerichtId: string, reden?: string): Promise<void> {
  await getDb().mailBericht.updateMany({
    where: { id: mailBerichtId, status: "WACHTRIJ" },
    data: { status: "MISLUKT", laatsteFout: reden ? reden.slice(0, MAX_FOUTTEKST) : "Alle pogingen zijn mislukt." },
  });
}

/**
 * Puts a failed mail back in the queue, inside the caller's transaction; false when there is no
 * such failed mail (already sent again, or never failed).
 */
export async function zetMislukteMailTerug(
  tx: Prisma.TransactionClient,
  boss: Awaited<ReturnType<typeof jobVerzender>>,
  mailBerichtId: string,
): Promise<boolean> {
  const { count } = await tx.mailBericht.updateMany({
    where: { id: mailBerichtId, status: "MISLUKT" },
    data: { status: "WACHTRIJ" },
  });
  if (count === 0) return false;
  await stuurJob(boss, WACHTRIJEN.verstuurMail, { mailBerichtId }, tx);
  return true;
}

export interface MailOverzichtRij {
  id: string;
  aan: string;
  onderwerp: string;
  sjabloon: string;
  status: MailStatus;
  pogingen: number;
  laatsteFout: string | null;
  createdAt: Date;
  verzondenOp: Date | null;
  berichtgever: { code: string; naam: string } | null;
}

/** Staff overview of queued and sent mail, newest first. */
export async function mailOverzicht(
  actor: Actor,
  filter: { status?: MailStatus; max?: number } = {},
): Promise<MailOverzichtRij[]> {
  if (!heeftRecht(actor, "beheer")) throw new NietGevonden();
  return getDb().mailBericht.findMany({
    where: filter.status ? { status: filter.status } : {},
    orderBy: { createdAt: "desc" },
    take: filter.max ?? 200,
    select: {
      id: true,
      aan: true,
      onderwerp: true,
      sjabloon: true,
      status: true,
      pogingen: true,
      laatsteFout: true,
      createdAt: true,
      verzondenOp: true,
      berichtgever: { select: { code: true, naam: true } },
    },
  });
}

/**
 * The reason an attempt failed, for CBS staff on /beheer/mail: what happened in Dutch, with the
 * mail server's own words after it (those are what its administrator searches for).
 */
function foutTekst(fout: unknown): string {
  const tekst = (fout instanceof Error ? fout.message : String(fout)).replace(/\s+/g, " ").trim();
  const f = fout as { code?: unknown; responseCode?: unknown } | null;
  const code = typeof f?.code === "string" ? f.code : "";
  const antwoord = typeof f?.responseCode === "number" ? f.responseCode : 0;
  const uitleg =
    code === "ETIMEDOUT"
      ? "De mailserver antwoordde niet op tijd"
      : code === "ECONNECTION" || code === "ESOCKET" || code === "EDNS"
        ? "De mailserver is niet bereikbaar"
        : antwoord >= 500
          ? "De mailserver weigerde de e-mail"
          : antwoord >= 400
            ? "De mailserver weigerde de e-mail tijdelijk"
            : "";
  return (uitleg ? `${uitleg} (${tekst})` : tekst).slice(0, MAX_FOUTTEKST);
}
