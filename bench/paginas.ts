/**
 * What one page costs (`npm run bench:paginas`): with one user and nothing else running, per page
 * the web server's CPU time (user + sys of the process) and the SQL statements it sends, per
 * request, after a warm-up. Runs a production build (scripts/server.ts) on the database the load
 * bench leaves behind (BENCH_DB, default swi_bench: run `npm run test:load` or `bench:load` first),
 * as the contact person of its first berichtgever with deliveries of two quarters.
 *
 *   BENCH_DB=swi_bench BENCH_PORT=3400 npm run bench:paginas [-- --keer 30] [--zoals-gebouwd]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { zorgVoorBuild } from "../scripts/lib/portaal";
import { BENCH_DB, startWeb, stop, wachtTot } from "./load/portaal";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const { values } = parseArgs({ options: { keer: { type: "string" }, "zoals-gebouwd": { type: "boolean" } } });
const KEER = Math.max(1, Number(values.keer ?? 20));

function cpuMs(pid: number): number {
  // /proc/PID/stat fields 14 and 15 (utime, stime) in clock ticks of 10 ms.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const velden = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(velden[11]) + Number(velden[12])) * 10;
}

async function main() {
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const u = new URL(serverUrl);
  u.pathname = `/${BENCH_DB}`;
  const dbUrl = u.toString();
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const { rows } = await db.query<{ code: string; token: string; id: string; vorig: string }>(
    `SELECT b.code, s.session_token AS token,
            (SELECT id FROM levering WHERE berichtgever_id = b.id AND status = 'VERWERKT' ORDER BY ontvangen_op DESC LIMIT 1) AS id,
            (SELECT id FROM levering WHERE berichtgever_id = b.id AND status = 'VERWERKT' ORDER BY ontvangen_op ASC LIMIT 1) AS vorig
       FROM berichtgever b JOIN app_user u ON u.berichtgever_id = b.id JOIN session s ON s.user_id = u.id
      WHERE (SELECT count(*) FROM levering WHERE berichtgever_id = b.id AND status = 'VERWERKT') >= 2
      ORDER BY b.code LIMIT 1`,
  );
  await db.end();
  const t = rows[0];
  if (!t)
    throw new Error(`Geen berichtgever met twee verwerkte leveringen in ${BENCH_DB}: draai eerst npm run test:load.`);

  // --zoals-gebouwd measures the build that is there (of an earlier commit, for a before/after).
  if (!values["zoals-gebouwd"]) zorgVoorBuild();
  const werk = path.join(ROOT, "bench", "out", "paginas");
  fs.mkdirSync(werk, { recursive: true });
  const teller = path.join(werk, "sql-teller");
  const web = startWeb(
    PORT,
    {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: dbUrl,
      SMTP_URL: "smtp://127.0.0.1:9",
      APP_URL: `http://localhost:${PORT}`,
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXTAUTH_SECRET: "bench-geheim-alleen-voor-de-belastingstest-0123456789",
      SWI_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
      SWI_VAR_DIR: werk,
      SWI_STORAGE: "local",
      SWI_STORAGE_DIR: path.join(werk, "opslag"),
      NODE_OPTIONS: `--require ${path.join(__dirname, "paginas", "tel-sql.cjs")}`,
      SQL_TELLER_BESTAND: teller,
      ...(process.env.SWI_NEXT_DIR ? { SWI_NEXT_DIR: process.env.SWI_NEXT_DIR } : {}),
    },
    werk,
  );
  const pid = web.kind.pid!;
  const sqlTot = async (): Promise<number> => {
    fs.rmSync(teller, { force: true });
    process.kill(pid, "SIGUSR2");
    await wachtTot(async () => fs.existsSync(teller) && fs.readFileSync(teller, "utf8") !== "", 5000, "SQL-teller");
    return Number(fs.readFileSync(teller, "utf8"));
  };
  try {
    const basis = `http://localhost:${PORT}`;
    await wachtTot(async () => (await fetch(`${basis}/api/health`)).ok, 120_000, "webserver start");
    const headers = { cookie: `next-auth.session-token=${t.token}` };
    const paginas: [string, string][] = [
      ["overzicht", `/berichtgever/${t.code}`],
      ["leveringen", `/berichtgever/${t.code}/leveringen`],
      ["levering", `/berichtgever/${t.code}/leveringen/${t.id}`],
      ["spiegelrapport", `/berichtgever/${t.code}/leveringen/${t.id}/spiegelrapport`],
      ["spiegelrapport vorig kwartaal", `/berichtgever/${t.code}/leveringen/${t.vorig}/spiegelrapport`],
      ["statusvraag", `/api/leveringen/status?ids=${t.id}`],
    ];
    const haal = async (pad: string) => {
      const res = await fetch(`${basis}${pad}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${pad}: ${res.status}`);
    };
    for (let k = 0; k < 5; k++) for (const [, pad] of paginas) await haal(pad);
    console.log(
      `${KEER} keer per pagina, één gebruiker, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}`,
    );
    console.log("| pagina | CPU ms per verzoek | SQL per verzoek | ms per verzoek (wand) |\n|---|--:|--:|--:|");
    const uitkomst: Record<string, { cpuMs: number; sql: number; wandMs: number }> = {};
    for (const [naam, pad] of paginas) {
      const sql0 = await sqlTot();
      const cpu0 = cpuMs(pid);
      const w0 = performance.now();
      for (let k = 0; k < KEER; k++) await haal(pad);
      const wand = (performance.now() - w0) / KEER;
      const cpu = (cpuMs(pid) - cpu0) / KEER;
      const sql = ((await sqlTot()) - sql0) / KEER;
      uitkomst[naam] = { cpuMs: Math.round(cpu * 10) / 10, sql: Math.round(sql * 10) / 10, wandMs: Math.round(wand) };
      console.log(`| ${naam} | ${uitkomst[naam].cpuMs} | ${uitkomst[naam].sql} | ${uitkomst[naam].wandMs} |`);
    }
    fs.writeFileSync(path.join(ROOT, "bench", "out", "paginas.json"), JSON.stringify(uitkomst, null, 2));
  } finally {
    await stop(web);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
