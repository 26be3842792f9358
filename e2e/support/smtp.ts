import fs from "node:fs";
import path from "node:path";
import { e2eVarDir } from "./browser";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export const E2E_MAIL_DIR = path.resolve(e2eVarDir(), "smtp");

/** A real SMTP server for the tests: the portal talks SMTP to it; each message lands in a file. */
export async function startSmtp(port: number): Promise<() => Promise<void>> {
  fs.rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
  let teller = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        teller += 1;
        const naam = `${Date.now()}-${String(teller).padStart(5, "0")}.eml`;
        fs.writeFileSync(path.join(E2E_MAIL_DIR, naam), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

export interface OntvangenMail {
  bestand: string;
  aan: string;
  onderwerp: string;
  tekst: string;
  html: string;
  mail: ParsedMail;
}

export async function alleMails(): Promise<OntvangenMail[]> {
  if (!fs.existsSync(E2E_MAIL_DIR)) return [];
  const namen = fs
    .readdirSync(E2E_MAIL_DIR)
    .filter((n) => n.endsWith(".eml"))
    .sort();
  const mails: OntvangenMail[] = [];
  for (const bestand of namen) {
    const mail = await simpleParser(fs.readFileSync(path.join(E2E_MAIL_DIR, bestand)));
    const aan = Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(", ") : (mail.to?.text ?? "");
    mails.push({
      bestand,
      aan,
      onderwerp: mail.subject ?? "",
      tekst: mail.text ?? "",
      html: typeof mail.html === "string" ? mail.html : "",
      mail,
    });
  }
  return mails;
}

/** Waits for a new mail to `aan` that was not among `bekend` (file names seen before). */
export async function wachtOpMail(
  aan: string,
  bekend: Set<string>,
  timeoutMs = 15_000,
  // Notifications are sent from a queue and may arrive during another test: pick the mail you mean.
  past: (m: OntvangenMail) => boolean = () => true,
): Promise<OntvangenMail> {
  const tot = Date.now() + timeoutMs;
  while (Date.now() < tot) {
    const nieuw = (await alleMails()).find(
      (m) => !bekend.has(m.bestand) && m.aan.toLowerCase().includes(aan.toLowerCase()) && past(m),
    );
    if (nieuw) return nieuw;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Geen mail ontvangen voor ${aan} binnen ${timeoutMs} ms`);
}

export async function bekendeMails(): Promise<Set<string>> {
  return new Set((await alleMails()).map((m) => m.bestand));
}

export function inloglinkUit(mail: OntvangenMail): string {
  const m = mail.tekst.match(/https?:\/\/\S+\/inloggen\/bevestigen\?\S+/);
  if (!m) throw new Error(`Geen inloglink in de mail: ${mail.tekst}`);
  return m[0].replace(/[\])>.,]+$/, "");
}
