import net from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startWorker, type Worker } from "@/lib/achtergrond/worker";
import { registreerAanlevering } from "@/lib/leveringen/ontvangst";
import { alsStroom, genereer, maakPijplijnOmgeving, type PijplijnOmgeving } from "@/lib/leveringen/pijplijn.testhulp";
import { verwerkAanlevering } from "@/lib/leveringen/verwerking";
import { markeerMailMislukt, verstuurMailBericht, zetMailInWachtrij, zetMailNaarAdresInWachtrij } from "./wachtrij";

/** A real SMTP server that refuses every message while `weigeren` is set. */
let weigeren = true;
const ontvangen: { aan: string; onderwerp: string; tekst: string }[] = [];
let smtp: SMTPServer;
let omg: PijplijnOmgeving;
let worker: Worker | undefined;

async function vrijePoort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const poort = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return poort;
}

beforeAll(async () => {
  const poort = await vrijePoort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _sessie, klaar) {
      const delen: Buffer[] = [];
      stream.on("data", (d: Buffer) => delen.push(d));
      stream.on("end", async () => {
        if (weigeren) {
          const fout = new Error("Mailbox tijdelijk niet beschikbaar") as Error & { responseCode: number };
          fout.responseCode = 451;
          return klaar(fout);
        }
        const mail = await simpleParser(Buffer.concat(delen));
        ontvangen.push({
          aan: mail.to && !Array.isArray(mail.to) ? mail.to.text : "",
          onderwerp: mail.subject ?? "",
          tekst: mail.text ?? "",
        });
        klaar();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(poort, "127.0.0.1", () => r()));
  omg = await maakPijplijnOmgeving({
    SMTP_URL: `smtp://127.0.0.1:${poort}`,
    SWI_MAIL_WACHT_SECONDEN: "1",
    SWI_MAIL_POGINGEN: "20",
    SWI_JOBS_ONDERHOUD_SECONDEN: "1",
    SWI_JOBS_POLL_SECONDEN: "0.5",
  });
});

afterAll(async () => {
  await worker?.stop({ wachtSeconden: 5 });
  await omg?.close();
  await new Promise<void>((r) => smtp?.close(() => r()));
});

async function wachtOp<T>(vraag: () => Promise<T>, ok: (t: T) => boolean, ms = 30_000): Promise<T> {
  const tot = Date.now() + ms;
  for (;;) {
    const t = await vraag();
    if (ok(t)) return t;
    if (Date.now() > tot) throw new Error(`na ${ms} ms nog steeds ${JSON.stringify(t)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the mail queue", () => {
  it("keeps a mail queued while SMTP refuses (processing carries on) and sends it once the server accepts", async () => {
    const g = genereer({ statistiekjaar: 2025, kwartaal: 2, seed: "smtp" });
    const r = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: g.bestandsnaam,
      bron: "PORTAAL",
      inhoud: alsStroom(g.xml()),
    });
    // The processing does not care whether mail can be sent.
    await verwerkAanlevering(r.aanleveringId);
    expect((await getDb().levering.findUniqueOrThrow({ where: { id: r.leveringen[0]!.id } })).status).toBe("VERWERKT");

    worker = await startWorker({ opruimenBijStart: false });
    const db = getDb();
    const mails = () =>
      db.mailBericht.findMany({ where: { berichtgeverId: omg.enschede.id }, orderBy: { createdAt: "asc" } });
    const wachtend = await wachtOp(mails, (m) => m.length === 2 && m.every((x) => x.pogingen >= 2));
    for (const m of wachtend) {
      expect(m.status).toBe("WACHTRIJ");
      expect(m.laatsteFout).toMatch(/451|niet beschikbaar/);
    }
    expect(ontvangen).toHaveLength(0);

    weigeren = false;
    const verzonden = await wachtOp(mails, (m) => m.every((x) => x.status === "VERZONDEN"));
    expect(verzonden.map((m) => m.sjabloon)).toEqual(["levering-ontvangen", "levering-verwerkt"]);
    for (const m of verzonden) {
      expect(m.verzondenOp).not.toBeNull();
      expect(m.laatsteFout).toBeNull();
      expect(m.pogingen).toBeGreaterThanOrEqual(3);
    }
    expect(ontvangen.map((m) => m.onderwerp).sort()).toEqual([
      `Ontvangen: ${g.bestandsnaam}`,
      `Verwerkt: ${g.bestandsnaam}`,
    ]);
    expect(ontvangen.every((m) => m.aan === omg.enschede.contactpersoonEmail)).toBe(true);
    expect(ontvangen.find((m) => m.onderwerp.startsWith("Verwerkt"))!.tekst).toContain(
      `https://portaal.test/berichtgever/0153/leveringen/${r.leveringen[0]!.id}/spiegelrapport`,
    );
    // Sent once: a little later there is still one copy of each.
    await new Promise((r) => setTimeout(r, 1500));
    expect(ontvangen).toHaveLength(2);
  });

  it("marks a mail MISLUKT on the last attempt, and when its job is dead-lettered", async () => {
    weigeren = true;
    try {
      const id = await zetMailNaarAdresInWachtrij(
        {
          aan: "iemand@gemeente.example.nl",
          sjabloon: "levering-afgekeurd",
          parameters: { bestandsnaam: "SWI_0153_0153_20252.XML", aantalFouten: 3, url: "https://portaal.test/x" },
        },
        // Only the direct calls below send it.
        { boss: { send: async () => "job" } as never },
      );
      await expect(verstuurMailBericht(id, { laatstePoging: false })).rejects.toThrow();
      expect(await getDb().mailBericht.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "WACHTRIJ",
        pogingen: 1,
      });
      await expect(verstuurMailBericht(id, { laatstePoging: true })).rejects.toThrow();
      expect(await getDb().mailBericht.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "MISLUKT",
        pogingen: 2,
      });

      const tweede = await zetMailNaarAdresInWachtrij(
        {
          aan: "iemand@gemeente.example.nl",
          sjabloon: "levering-afgekeurd",
          parameters: { bestandsnaam: "a.XML", aantalFouten: 1, url: "https://portaal.test/y" },
        },
        { boss: { send: async () => "job" } as never },
      );
      await markeerMailMislukt(tweede, "worker gestopt");
      expect(await getDb().mailBericht.findUniqueOrThrow({ where: { id: tweede } })).toMatchObject({
        status: "MISLUKT",
        laatsteFout: "worker gestopt",
      });
    } finally {
      weigeren = false;
    }
  });

  it("goes to the berichtgever's current contact person only, and to nobody when there is none", async () => {
    const db = getDb();
    const nieuw = await db.user.create({
      data: {
        email: "nieuwe.contactpersoon@amsterdam.example.nl",
        naam: "Nieuw",
        rol: "CONTACTPERSOON",
        berichtgeverId: omg.amsterdam.id,
      },
    });
    await db.contactpersoon.update({ where: { berichtgeverId: omg.amsterdam.id }, data: { userId: nieuw.id } });
    const parameters = { bestandsnaam: "a.zip", ontvangenOp: new Date().toISOString(), leveringen: [] };
    const id = await zetMailInWachtrij({
      berichtgeverId: omg.amsterdam.id,
      sjabloon: "levering-ontvangen",
      parameters,
    });
    expect((await db.mailBericht.findUniqueOrThrow({ where: { id: id! } })).aan).toBe(
      "nieuwe.contactpersoon@amsterdam.example.nl",
    );

    await db.contactpersoon.delete({ where: { berichtgeverId: omg.amsterdam.id } });
    expect(
      await zetMailInWachtrij({ berichtgeverId: omg.amsterdam.id, sjabloon: "levering-ontvangen", parameters }),
    ).toBeNull();
  });

  it("stops a mail that would carry a BSN instead of sending it", async () => {
    const id = await zetMailNaarAdresInWachtrij({
      aan: "iemand@gemeente.example.nl",
      sjabloon: "levering-ontvangen",
      parameters: { bestandsnaam: "BSN 123456782.zip", ontvangenOp: new Date().toISOString(), leveringen: [] },
    });
    const m = await getDb().mailBericht.findUniqueOrThrow({ where: { id } });
    expect(m.status).toBe("MISLUKT");
    expect(m.laatsteFout).toMatch(/persoonsgegeven/);
    const jobs = await getDb().$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM pgboss.job WHERE data->>'mailBerichtId' = $1`,
      id,
    );
    expect(jobs).toHaveLength(0);
  });
});
