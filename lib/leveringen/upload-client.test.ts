import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_POGINGEN, uploadBestand, UploadGeweigerd, VerbindingMislukt, type UploadVoortgang } from "./upload-client";

/**
 * A fake of the upload API behind fetch and XMLHttpRequest, so that the browser-side retry and
 * resume logic runs for real against lost connections, lost answers and refusals.
 */
class NepServer {
  deelGrootte = 4;
  sessies = new Map<string, { naam: string; grootte: number; delen: Map<number, Buffer> }>();
  verzoeken: string[] = [];
  /** Per "PUT n": what the next attempts do. "verloren": stored, but the answer never arrives. */
  putScript = new Map<number, ("net" | "verloren" | 500 | 422 | 507)[]>();
  startAntwoord: { status: number; data: object } | null = null;
  voltooid: Buffer | null = null;

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const methode = init.method ?? "GET";
    const pad = new URL(url, "http://portaal").pathname;
    this.verzoeken.push(`${methode} ${pad}`);
    const antwoord = (status: number, data: object) => new Response(JSON.stringify(data), { status });
    if (methode === "POST" && pad === "/api/uploads") {
      if (this.startAntwoord) return antwoord(this.startAntwoord.status, this.startAntwoord.data);
      const { bestandsnaam, grootte } = JSON.parse(String(init.body)) as { bestandsnaam: string; grootte: number };
      const id = `u${this.sessies.size + 1}`;
      this.sessies.set(id, { naam: bestandsnaam, grootte, delen: new Map() });
      return antwoord(201, {
        uploadId: id,
        deelGrootte: this.deelGrootte,
        delen: Math.ceil(grootte / this.deelGrootte),
      });
    }
    const m = /^\/api\/uploads\/(\w+)(\/voltooien)?$/.exec(pad);
    const s = m ? this.sessies.get(m[1]!) : undefined;
    if (!m || !s) return antwoord(404, { melding: "Niet gevonden" });
    if (methode === "GET") return antwoord(200, { ontvangenDelen: [...s.delen.keys()].sort((a, b) => a - b) });
    const n = Math.ceil(s.grootte / this.deelGrootte);
    if (s.delen.size !== n) return antwoord(422, { melding: "niet compleet" });
    this.voltooid = Buffer.concat(Array.from({ length: n }, (_, i) => s.delen.get(i)!));
    return antwoord(201, {
      aanleveringId: "a1",
      leveringen: [{ id: "l1", bestandsnaam: s.naam, status: "ONTVANGEN" }],
    });
  }

  async put(url: string, body: Blob): Promise<number> {
    const [, id, n] = /^\/api\/uploads\/(\w+)\/delen\/(\d+)$/.exec(url)!;
    this.verzoeken.push(`PUT ${n}`);
    const stap = this.putScript.get(Number(n))?.shift();
    if (stap === "net") return 0;
    if (stap === 500 || stap === 422 || stap === 507) return stap;
    this.sessies.get(id!)!.delen.set(Number(n), Buffer.from(await body.arrayBuffer()));
    return stap === "verloren" ? 0 : 204;
  }
}

let server: NepServer;
const VOL = "De opslag van het portaal is tijdelijk vol; uw bestand is niet kwijt.";

beforeEach(() => {
  server = new NepServer();
  vi.useFakeTimers();
  vi.stubGlobal("window", new EventTarget());
  vi.stubGlobal("fetch", (url: string, init?: RequestInit) => server.fetch(url, init));
  vi.stubGlobal(
    "XMLHttpRequest",
    class {
      upload: { onprogress?: (e: { loaded: number }) => void } = {};
      onload?: () => void;
      onerror?: () => void;
      ontimeout?: () => void;
      onabort?: () => void;
      status = 0;
      responseText = "";
      timeout = 0;
      private url = "";
      open(_m: string, url: string) {
        this.url = url;
      }
      setRequestHeader() {}
      abort() {
        this.onabort?.();
      }
      send(body: Blob) {
        void server.put(this.url, body).then((status) => {
          if (status === 0) return this.onerror?.();
          this.upload.onprogress?.({ loaded: body.size });
          this.status = status;
          if (status === 507) this.responseText = JSON.stringify({ melding: VOL });
          this.onload?.();
        });
      }
    },
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Runs the upload to the end, letting the backoff timers fire instantly. */
async function voerUit<T>(p: Promise<T>): Promise<T> {
  let klaar = false;
  const gevolgd = p.finally(() => (klaar = true));
  gevolgd.catch(() => undefined);
  while (!klaar) await vi.runAllTimersAsync();
  return gevolgd;
}

const bestand = (inhoud: string, naam = "SWI_0153_0153_20263.XML") => new File([inhoud], naam);

describe("uploadBestand", () => {
  it("survives dropped connections and lost answers, sending each part until it is in", async () => {
    server.putScript.set(1, ["net", "net", 500]);
    server.putScript.set(2, ["verloren"]);
    const voortgang: UploadVoortgang[] = [];
    const r = await voerUit(
      uploadBestand(bestand("0123456789"), { berichtgeverCode: "0153", opVoortgang: (v) => voortgang.push(v) }),
    );
    expect(r.leveringen[0]!.id).toBe("l1");
    expect(server.voltooid?.toString()).toBe("0123456789");
    // Part 2 arrived although its answer was lost: the client asked and did not send it again.
    expect(server.verzoeken.filter((v) => v === "PUT 2")).toHaveLength(1);
    expect(server.verzoeken.filter((v) => v === "PUT 1")).toHaveLength(4);
    const wachten = voortgang.filter((v) => v.soort === "wacht");
    expect(wachten.map((w) => (w.soort === "wacht" ? w.poging : 0))).toEqual([1, 2, 3, 1]);
    expect(voortgang.at(-1)).toEqual({ soort: "afronden", verzonden: 10 });
    const verzonden = voortgang.map((v) => v.verzonden);
    expect(Math.max(...verzonden)).toBe(10);
  });

  it("refuses a wrong name at once with the expected name, sending nothing", async () => {
    server.startAntwoord = {
      status: 422,
      data: {
        melding: "De berichtgevercode in de bestandsnaam (0363) is niet die van uw organisatie (0153).",
        verwachteNaam: "SWI_0153_0153_20263.XML",
      },
    };
    const fout = await voerUit(
      uploadBestand(bestand("abc", "SWI_0363_0153_20263.XML"), { berichtgeverCode: "0153", opVoortgang: () => {} }),
    ).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(UploadGeweigerd);
    expect((fout as UploadGeweigerd).verwachteNaam).toBe("SWI_0153_0153_20263.XML");
    expect((fout as UploadGeweigerd).melding).toMatch(/niet die van uw organisatie/);
    expect(server.verzoeken.some((v) => v.startsWith("PUT"))).toBe(false);
  });

  it("resumes an interrupted upload, sending only the missing parts", async () => {
    server.sessies.set("u9", {
      naam: "x.zip",
      grootte: 10,
      delen: new Map([
        [0, Buffer.from("0123")],
        [1, Buffer.from("4567")],
      ]),
    });
    const r = await voerUit(
      uploadBestand(bestand("0123456789", "x.zip"), {
        berichtgeverCode: "0153",
        sessie: { uploadId: "u9", deelGrootte: 4, delen: 3 },
        opVoortgang: () => {},
      }),
    );
    expect(r.aanleveringId).toBe("a1");
    expect(server.verzoeken.filter((v) => v.startsWith("PUT"))).toEqual(["PUT 2"]);
    expect(server.verzoeken).not.toContain("POST /api/uploads");
    expect(server.voltooid?.toString()).toBe("0123456789");
  });

  it("gives up after a bounded number of attempts, keeping the session to resume", async () => {
    server.putScript.set(0, Array(MAX_POGINGEN).fill("net"));
    const sessies: string[] = [];
    const fout = await voerUit(
      uploadBestand(bestand("0123"), {
        berichtgeverCode: "0153",
        opVoortgang: () => {},
        opSessie: (s) => sessies.push(s.uploadId),
      }),
    ).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(VerbindingMislukt);
    expect((fout as VerbindingMislukt).uploadId).toBe("u1");
    expect(sessies).toEqual(["u1"]);
    expect(server.verzoeken.filter((v) => v === "PUT 0")).toHaveLength(MAX_POGINGEN);
  });

  it("tells the person what the portal says of its own trouble while it waits, and afterwards", async () => {
    server.putScript.set(0, [507, 507]);
    const voortgang: UploadVoortgang[] = [];
    await voerUit(uploadBestand(bestand("0123"), { berichtgeverCode: "0153", opVoortgang: (v) => voortgang.push(v) }));
    const wachten = voortgang.filter((v) => v.soort === "wacht");
    expect(wachten.map((w) => (w.soort === "wacht" ? w.melding : undefined))).toEqual([VOL, VOL]);
    expect(server.voltooid?.toString()).toBe("0123");

    server.putScript.set(0, Array(MAX_POGINGEN).fill(507));
    const fout = await voerUit(
      uploadBestand(bestand("4567"), { berichtgeverCode: "0153", opVoortgang: () => {} }),
    ).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(VerbindingMislukt);
    expect((fout as VerbindingMislukt).message).toMatch(
      /^De opslag van het portaal is tijdelijk vol; .* ‘Opnieuw proberen’/,
    );
  });

  it("does not retry what another attempt cannot fix", async () => {
    server.putScript.set(0, [422]);
    const fout = await voerUit(
      uploadBestand(bestand("0123"), { berichtgeverCode: "0153", opVoortgang: () => {} }),
    ).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(UploadGeweigerd);
    expect(server.verzoeken.filter((v) => v === "PUT 0")).toHaveLength(1);
  });
});
