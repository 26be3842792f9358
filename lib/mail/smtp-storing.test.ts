/**
 * A mail server that accepts the connection and then says nothing, and one that hangs after the
 * message (DATA): each attempt fails within the configured timeouts (lib/mail/transport.ts), the
 * mail stays queued with a Dutch reason for CBS staff, deliveries are processed meanwhile, and
 * once the server behaves every mail arrives exactly once. wachtrij.test.ts covers a server that
 * refuses.
 */
import net from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startWorker, type Worker } from "@/lib/achtergrond/worker";
import { registreerAanlevering } from "@/lib/leveringen/ontvangst";
import { alsStroom, genereer, maakPijplijnOmgeving, type PijplijnOmgeving } from "@/lib/leveringen/pijplijn.testhulp";
import { smtpTimeouts, verstuur } from "./transport";

type Gedrag = "zwijgt" | "hangtNaData" | "normaal";
let gedrag: Gedrag = "zwijgt";
const ontvangen: string[] = [];
const openVerbindingen = new Set<net.Socket>();
let smtp: SMTPServer;
let voorkant: net.Server;
let omg: PijplijnOmgeving;
let worker: Worker | undefined;

async function luister(server: { listen: (p: number, h: string, cb: () => void) => unknown }): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const poort = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  await new Promise<void>((r) => server.listen(poort, "127.0.0.1", () => r()));
  return poort;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _sessie, klaar) {
      const delen: Buffer[] = [];
      stream.on("data", (d: Buffer) => delen.push(d));
      stream.on("end", async () => {
        // Takes the whole message, then never answers: the client cannot know whether it arrived.
        if (gedrag === "hangtNaData") return;
        ontvangen.push((await simpleParser(Buffer.concat(delen))).subject ?? "");
        klaar();
      });
    },
  });
  const smtpPoort = await luister(smtp);
  // In front of it: a server that accepts every connection and, while "zwijgt", never greets.
  voorkant = net.createServer((sok) => {
    openVerbindingen.add(sok);
    sok.on("close", () => openVerbindingen.delete(sok));
    sok.on("error", () => {});
    if (gedrag === "zwijgt") return;
    const achter = net.connect(smtpPoort, "127.0.0.1");
    achter.on("error", () => sok.destroy());
    sok.pipe(achter).pipe(sok);
  });
  const poort = await luister(voorkant);
  omg = await maakPijplijnOmgeving({
    SMTP_URL: `smtp://127.0.0.1:${poort}`,
    SWI_SMTP_VERBINDING_SECONDEN: "1",
    SWI_SMTP_BEGROETING_SECONDEN: "1",
    SWI_SMTP_STILTE_SECONDEN: "1.5",
    SWI_MAIL_WACHT_SECONDEN: "1",
    SWI_MAIL_POGINGEN: "20",
    SWI_JOBS_ONDERHOUD_SECONDEN: "1",
    SWI_JOBS_POLL_SECONDEN: "0.5",
  });
});

afterAll(async () => {
  await worker?.stop({ wachtSeconden: 5 });
  await omg?.close();
  for (const s of openVerbindingen) s.destroy();
  await new Promise((r) => voorkant?.close(r));
  await new Promise<void>((r) => smtp?.close(() => r()));
});

async function wachtOp<T>(vraag: () => Promise<T>, ok: (t: T) => boolean, ms: number, wat: string): Promise<T> {
  const tot = Date.now() + ms;
  for (;;) {
    const t = await vraag();
    if (ok(t)) return t;
    if (Date.now() > tot) throw new Error(`${wat}: na ${ms} ms nog steeds ${JSON.stringify(t)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const bericht = { aan: "iemand@gemeente.example.nl", onderwerp: "Test", html: "<p>x</p>", tekst: "x" };

async function duurVanMislukking(): Promise<{ ms: number; fout: Error & { code?: string } }> {
  const begin = Date.now();
  const fout = await verstuur(bericht).then(
    () => {
      throw new Error("de e-mail ging onverwacht weg");
    },
    (e: Error) => e,
  );
  return { ms: Date.now() - begin, fout };
}

describe("a mail server that does not answer", () => {
  it("takes the timeouts from the environment", () => {
    expect(smtpTimeouts()).toEqual({ connectionTimeout: 1000, greetingTimeout: 1000, socketTimeout: 1500 });
    expect(smtpTimeouts({})).toEqual({ connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    expect(() => smtpTimeouts({ SWI_SMTP_STILTE_SECONDEN: "nooit" })).toThrow(/SWI_SMTP_STILTE_SECONDEN=nooit/);
  });

  it("gives up on a server that never greets, and on one that hangs after the message, within the timeouts", async () => {
    gedrag = "zwijgt";
    const stil = await duurVanMislukking();
    expect(stil.fout.code).toBe("ETIMEDOUT");
    expect(stil.fout.message).toMatch(/Greeting never received/);
    expect(stil.ms).toBeGreaterThanOrEqual(900);
    expect(stil.ms).toBeLessThan(3000);

    gedrag = "hangtNaData";
    const hangt = await duurVanMislukking();
    expect(hangt.fout.code).toBe("ETIMEDOUT");
    expect(hangt.ms).toBeGreaterThanOrEqual(1400);
    expect(hangt.ms).toBeLessThan(4000);
    expect(ontvangen).toEqual([]);
  });

  it("keeps processing while mail hangs, retries every mail, and sends each exactly once when the server behaves", async () => {
    const db = getDb();
    gedrag = "zwijgt";
    worker = await startWorker({ opruimenBijStart: false });
    const g = genereer({ statistiekjaar: 2025, kwartaal: 2, seed: "smtp-stil" });
    const begin = Date.now();
    const r = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: g.bestandsnaam,
      bron: "PORTAAL",
      inhoud: alsStroom(g.xml()),
    });
    // The worker processes the delivery while its mails are stuck on the server.
    const status = await wachtOp(
      async () => (await db.levering.findUniqueOrThrow({ where: { id: r.leveringen[0]!.id } })).status,
      (s) => s === "VERWERKT" || s === "AFGEKEURD",
      30_000,
      "de verwerking werd niet afgemaakt",
    );
    expect(status).toBe("VERWERKT");
    expect(Date.now() - begin).toBeLessThan(20_000);

    const mails = () =>
      db.mailBericht.findMany({ where: { berichtgeverId: omg.enschede.id }, orderBy: { createdAt: "asc" } });
    const stil = await wachtOp(
      mails,
      (m) => m.length === 2 && m.every((x) => x.pogingen >= 1),
      30_000,
      "niet elke e-mail werd geprobeerd",
    );
    for (const m of stil) {
      expect(m.status).toBe("WACHTRIJ");
      expect(m.laatsteFout).toMatch(/^De mailserver antwoordde niet op tijd \(.*Greeting never received/);
    }

    gedrag = "hangtNaData";
    const pogingenVoor = new Map(stil.map((m) => [m.id, m.pogingen]));
    const hangt = await wachtOp(
      mails,
      (m) => m.every((x) => x.pogingen > pogingenVoor.get(x.id)! && !/Greeting/.test(x.laatsteFout ?? "")),
      60_000,
      "niet elke e-mail werd opnieuw geprobeerd",
    );
    for (const m of hangt) {
      expect(m.status).toBe("WACHTRIJ");
      expect(m.laatsteFout).toMatch(/^De mailserver antwoordde niet op tijd/);
    }
    expect(ontvangen).toEqual([]);

    gedrag = "normaal";
    const verzonden = await wachtOp(
      mails,
      (m) => m.every((x) => x.status === "VERZONDEN"),
      90_000,
      "niet alle e-mails verzonden",
    );
    expect(verzonden.map((m) => m.sjabloon)).toEqual(["levering-ontvangen", "levering-verwerkt"]);
    for (const m of verzonden) expect(m.laatsteFout).toBeNull();
    // Once each, also a while later (a retry that was already under way sends nothing more).
    await new Promise((r) => setTimeout(r, 2000));
    expect([...ontvangen].sort()).toEqual([`Ontvangen: ${g.bestandsnaam}`, `Verwerkt: ${g.bestandsnaam}`]);
  }, 180_000);
});
