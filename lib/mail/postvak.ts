import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { mailDir } from "@/lib/env";

export interface PostvakBericht {
  id: string;
  aan: string;
  onderwerp: string;
  datum: Date;
  tekst: string;
}

/** The local outbox of the embedded set-up: the newest mails first. */
export async function leesPostvak(max = 50): Promise<PostvakBericht[]> {
  const dir = mailDir();
  let namen: string[];
  try {
    namen = (await fs.readdir(dir)).filter((n) => n.endsWith(".eml"));
  } catch {
    return [];
  }
  namen.sort().reverse();
  const berichten: PostvakBericht[] = [];
  for (const naam of namen.slice(0, max)) {
    const raw = await fs.readFile(path.join(dir, naam));
    const mail = await simpleParser(raw);
    const aan = Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(", ") : (mail.to?.text ?? "");
    berichten.push({
      id: naam.replace(/\.eml$/, ""),
      aan,
      onderwerp: mail.subject ?? "(geen onderwerp)",
      datum: mail.date ?? new Date(0),
      tekst: mail.text ?? "",
    });
  }
  return berichten;
}
