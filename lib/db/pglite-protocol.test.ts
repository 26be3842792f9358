import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";

/**
 * Connection A sends only the Parse of its query and waits; meanwhile connection B runs a query with
 * another number of parameters. Without batch affinity B's Parse replaces A's unnamed statement
 * and A's Bind fails (electric-sql/pglite #1046); with it, B waits until A's Sync.
 */
let emb: EmbeddedPostgres;

beforeAll(async () => {
  emb = await startEmbeddedPostgres({ dataDir: "memory", handleSignals: false });
});
afterAll(async () => emb?.stop());

function bericht(soort: string, inhoud: Buffer): Buffer {
  const kop = Buffer.alloc(5);
  kop.write(soort, 0, "latin1");
  kop.writeInt32BE(inhoud.length + 4, 1);
  return Buffer.concat([kop, inhoud]);
}

const cstr = (s: string) => Buffer.from(`${s}\0`, "utf8");
const int16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

class RuweVerbinding {
  private ontvangen = Buffer.alloc(0);
  private wachters: (() => void)[] = [];
  constructor(private readonly socket: net.Socket) {
    socket.on("error", () => {}); // the server closing at the end of the test
    socket.on("data", (d) => {
      this.ontvangen = Buffer.concat([this.ontvangen, d]);
      for (const w of this.wachters.splice(0)) w();
    });
  }
  static async open(port: number): Promise<RuweVerbinding> {
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    const v = new RuweVerbinding(socket);
    const start = Buffer.concat([
      int32(196608),
      cstr("user"),
      cstr("postgres"),
      cstr("database"),
      cstr("postgres"),
      Buffer.from([0]),
    ]);
    socket.write(Buffer.concat([int32(start.length + 4), start]));
    await v.wachtOp("Z");
    return v;
  }
  schrijf(...berichten: Buffer[]) {
    this.socket.write(Buffer.concat(berichten));
  }
  /** Waits until a message of this type arrives; returns all message types received so far and clears them. */
  async wachtOp(soort: string): Promise<{ soorten: string; tekst: string }> {
    for (;;) {
      const soorten: string[] = [];
      let i = 0;
      while (i + 5 <= this.ontvangen.length) {
        const lengte = this.ontvangen.readInt32BE(i + 1);
        if (i + 1 + lengte > this.ontvangen.length) break;
        soorten.push(String.fromCharCode(this.ontvangen[i]!));
        i += 1 + lengte;
      }
      if (soorten.includes(soort)) {
        const tekst = this.ontvangen.subarray(0, i).toString("latin1");
        this.ontvangen = this.ontvangen.subarray(i);
        return { soorten: soorten.join(""), tekst };
      }
      await new Promise<void>((r) => this.wachters.push(r));
    }
  }
  async sluit() {
    this.socket.end(bericht("X", Buffer.alloc(0)));
    await new Promise((r) => this.socket.once("close", r));
  }
}

it("keeps one connection's Parse … Sync together while another connection queries", async () => {
  const a = await RuweVerbinding.open(emb.port);
  const b = new pg.Client({ connectionString: emb.url });
  await b.connect();
  a.schrijf(
    bericht("P", Buffer.concat([cstr(""), cstr("SELECT $1::int AS waarde"), int16(0)])),
    bericht("H", Buffer.alloc(0)),
  );
  expect((await a.wachtOp("1")).soorten).toBe("1"); // ParseComplete

  let bKlaar = false;
  const bQuery = b.query("SELECT $1::int + $2::int AS som", [20, 22]).then((r) => {
    bKlaar = true;
    return r;
  });
  await new Promise((r) => setTimeout(r, 300));
  expect(bKlaar).toBe(false); // waits for A's batch

  a.schrijf(
    bericht("B", Buffer.concat([cstr(""), cstr(""), int16(0), int16(1), int32(1), Buffer.from("7"), int16(0)])),
    bericht("E", Buffer.concat([cstr(""), int32(0)])),
    bericht("S", Buffer.alloc(0)),
  );
  const antwoord = await a.wachtOp("Z");
  expect(antwoord.soorten).not.toContain("E"); // no ErrorResponse
  expect(antwoord.soorten).toContain("D"); // DataRow
  expect(antwoord.tekst).toContain("7");

  expect((await bQuery).rows).toEqual([{ som: 42 }]);
  await b.end();
  await a.sluit();
});
