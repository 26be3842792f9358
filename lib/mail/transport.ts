import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { env, isLocalOutbox, mailDir } from "@/lib/env";

export interface Mail {
  aan: string;
  onderwerp: string;
  html: string;
  tekst: string;
}

/**
 * How long a send may wait on the mail server, so that a server that accepts the connection and
 * then says nothing (or hangs after the message) fails the attempt within seconds; the mail job
 * is then retried with backoff (lib/mail/wachtrij.ts) instead of holding the mail queue.
 *
 *   SWI_SMTP_VERBINDING_SECONDEN  opening the TCP connection (default 10)
 *   SWI_SMTP_BEGROETING_SECONDEN  the server's greeting after connecting (default 10)
 *   SWI_SMTP_STILTE_SECONDEN      silence on an open connection, e.g. after the message (default 20)
 */
export interface SmtpTimeouts {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}

function seconden(env: Record<string, string | undefined>, naam: string, standaard: number): number {
  const tekst = env[naam]?.trim();
  if (!tekst) return standaard * 1000;
  const waarde = Number(tekst);
  if (!Number.isFinite(waarde) || waarde <= 0) {
    throw new Error(`${naam}=${tekst} is ongeldig: verwacht een aantal seconden groter dan 0.`);
  }
  return Math.round(waarde * 1000);
}

export function smtpTimeouts(env: Record<string, string | undefined> = process.env): SmtpTimeouts {
  return {
    connectionTimeout: seconden(env, "SWI_SMTP_VERBINDING_SECONDEN", 10),
    greetingTimeout: seconden(env, "SWI_SMTP_BEGROETING_SECONDEN", 10),
    socketTimeout: seconden(env, "SWI_SMTP_STILTE_SECONDEN", 20),
  };
}

let transporter: { sleutel: string; transporter: Transporter } | undefined;

function smtp(): Transporter {
  const url = env().SMTP_URL!;
  const timeouts = smtpTimeouts();
  const sleutel = JSON.stringify([url, timeouts]);
  if (transporter?.sleutel !== sleutel) {
    transporter?.transporter.close();
    // Not createTransport(url, options): its second argument is the messages' defaults, so the
    // timeouts would silently not apply (and a silent server would hold a mail for 10 minutes).
    transporter = { sleutel, transporter: nodemailer.createTransport(new SMTPTransport({ url, ...timeouts })) };
  }
  return transporter.transporter;
}

/** Writes the message as an .eml file for the local outbox page (embedded mode only). */
async function naarPostvak(message: nodemailer.SendMailOptions): Promise<void> {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await stream.sendMail(message);
  const dir = mailDir();
  await fs.mkdir(dir, { recursive: true });
  const naam = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
  await fs.writeFile(path.join(dir, naam), info.message as Buffer, { mode: 0o600 });
}

/** Sends one mail: through SMTP_URL, or into var/mail on the newcomer's embedded set-up. */
export async function verstuur(mail: Mail): Promise<void> {
  const message: nodemailer.SendMailOptions = {
    from: env().MAIL_FROM,
    to: mail.aan,
    subject: mail.onderwerp,
    html: mail.html,
    text: mail.tekst,
  };
  if (isLocalOutbox()) {
    await naarPostvak(message);
    return;
  }
  await smtp().sendMail(message);
}
