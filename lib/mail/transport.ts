import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { env, isLocalOutbox, mailDir } from "@/lib/env";

export interface Mail {
  aan: string;
  onderwerp: string;
  html: string;
  tekst: string;
}

let transporter: Transporter | undefined;

function smtp(): Transporter {
  if (!transporter) {
    transporter = nodemailer.createTransport(env().SMTP_URL!, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never);
  }
  return transporter;
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
