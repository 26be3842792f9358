/**
 * Asking for a sign-in link takes the same work before the answer for a known and an unknown
 * address, driven through next-auth's own e-mail sign-in step (the code between the sign-in POST
 * and its answer) rather than a timing measurement.
 */
import path from "node:path";
import { createRequire } from "node:module";
import { beforeEach, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { metTestwereld } from "@/lib/leveringen/testwereld.testhulp";

const verzonden = vi.hoisted(() => [] as { aan: string; tekst: string }[]);
vi.mock("@/lib/mail/transport", () => ({
  verstuur: async (m: { aan: string; tekst: string }) => {
    verzonden.push(m);
  },
}));

process.env.NEXTAUTH_SECRET = "inlogwerk-test-geheim-0123456789abcdef0123";
process.env.SMTP_URL = "smtp://127.0.0.1:1";
process.env.APP_URL = "http://portaal.test";

const { inlogwerkNaHetAntwoord } = await import("./inlogwerk");
const { portaalAdapter } = await import("./adapter");
const { verstuurInloglink } = await import("./inloglink");

// next-auth's e-mail sign-in step is not in its package exports; the test calls the real file.
const emailSignin = createRequire(import.meta.url)(
  path.join(process.cwd(), "node_modules/next-auth/core/lib/email/signin.js"),
).default as (identifier: string, options: unknown) => Promise<string>;

const BEKEND = "contactpersoon@enschede.example.nl";
const ONBEKEND = "niemand@enschede.example.nl";
const NERGENS = "postgres://postgres@127.0.0.1:1/nergens";

let t: TestDatabase;
metTestwereld((db) => {
  t = db;
});

beforeEach(() => {
  verzonden.length = 0;
});

/** What happens before next-auth answers, with the database out of reach for that moment. */
async function vraagLinkAan(email: string) {
  const taken: (() => Promise<void>)[] = [];
  const werk = inlogwerkNaHetAntwoord(portaalAdapter(), verstuurInloglink, (taak) => taken.push(taak));
  process.env.DATABASE_URL = NERGENS;
  let antwoord: string;
  try {
    antwoord = await emailSignin(email, {
      url: "http://portaal.test/api/auth",
      adapter: werk.adapter,
      provider: { id: "email", type: "email", maxAge: 900, sendVerificationRequest: werk.sendVerificationRequest },
      callbackUrl: "http://portaal.test/",
      theme: {},
      secret: process.env.NEXTAUTH_SECRET,
    });
  } finally {
    process.env.DATABASE_URL = t.url;
  }
  return { antwoord, taken };
}

it("bekend en onbekend adres doen vóór het antwoord hetzelfde: twee taken plannen, geen database, geen mail", async () => {
  const bekend = await vraagLinkAan(BEKEND);
  const onbekend = await vraagLinkAan(ONBEKEND);
  expect(bekend.antwoord).toBe(onbekend.antwoord);
  expect(bekend.taken).toHaveLength(2);
  expect(onbekend.taken).toHaveLength(2);
  expect(verzonden).toHaveLength(0);
  expect(await t.db.verificationToken.count()).toBe(0);

  // After the answer: the known address gets its token and mail, the unknown one nothing.
  await Promise.all(onbekend.taken.map((taak) => taak()));
  expect(verzonden).toHaveLength(0);
  expect(await t.db.verificationToken.count()).toBe(0);
  await Promise.all(bekend.taken.map((taak) => taak()));
  expect(verzonden.map((m) => m.aan)).toEqual([BEKEND]);
  expect(await t.db.verificationToken.count({ where: { identifier: BEKEND } })).toBe(1);
  expect(verzonden[0]!.tekst).toContain("/inloggen/bevestigen?");
});

it("de mail wacht op zijn token, ook als die taak later loopt", async () => {
  const { taken } = await vraagLinkAan(BEKEND);
  // next-auth schedules the mail first; run it first and the token only afterwards.
  const mail = taken[0]!();
  await new Promise((r) => setTimeout(r, 50));
  expect(verzonden).toHaveLength(0);
  await taken[1]!();
  await mail;
  // Exactly the new token: an earlier unused link of the same address is gone with it.
  expect(await t.db.verificationToken.count({ where: { identifier: BEKEND } })).toBe(1);
  expect(verzonden).toHaveLength(1);
});
