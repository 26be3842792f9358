/**
 * Test support (not a test file): a PostgreSQL server of its own for a fault test that stops and
 * restarts it. Never the machine's server on 5432: other tests run against that one at the same
 * time. initdb into a temp folder, trust authentication on 127.0.0.1, a free port, gone after
 * `opruimen()`.
 *
 * PostgreSQL refuses to run as root, so when this process is root (CI, these machines) the server
 * runs as the `postgres` OS user (runuser) and the folder is handed to that user.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface WegwerpPostgres {
  poort: number;
  /** Connection string for `database` (default "postgres"). */
  url(database?: string): string;
  /** `pg_ctl stop -m fast`: every connection is cut, new ones are refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back within a second or so. */
  herstart(): Promise<void>;
  /** The server's log, for a failure message. */
  log(): string;
  opruimen(): void;
}

/** The folder with initdb and pg_ctl of the newest installed PostgreSQL, or null. */
export function postgresBinaries(): string | null {
  const basis = "/usr/lib/postgresql";
  const versies = fs.existsSync(basis)
    ? fs
        .readdirSync(basis)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versies) {
    const bin = path.join(basis, v, "bin");
    if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

async function vrijePoort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const poort = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return poort;
}

export async function startWegwerpPostgres(): Promise<WegwerpPostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("Geen PostgreSQL-binaries gevonden onder /usr/lib/postgresql/*/bin (initdb, pg_ctl).");
  const alsRoot = process.getuid?.() === 0;
  const map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-wegwerp-pg-"));
  const data = path.join(map, "data");
  const logBestand = path.join(map, "postgres.log");
  if (alsRoot) execFileSync("chown", ["-R", "postgres:postgres", map]);
  const opdracht = (programma: string, args: string[]): [string, string[]] =>
    alsRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, programma), ...args]]
      : [path.join(bin, programma), args];
  const logStaart = () => (fs.existsSync(logBestand) ? fs.readFileSync(logBestand, "utf8").slice(-4000) : "");
  // Asynchronous, so that this process's own connections notice the server going away while it happens.
  const voer = (programma: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [cmd, alle] = opdracht(programma, args);
      execFile(cmd, alle, { cwd: map, timeout: 90_000 }, (fout, stdout, stderr) => {
        if (!fout) return resolve();
        reject(
          new Error(`${programma} ${args.join(" ")} mislukte (${fout.message}):\n${stdout}${stderr}\n${logStaart()}`),
        );
      });
    });
  const voerNu = (programma: string, args: string[]) => {
    const [cmd, alle] = opdracht(programma, args);
    const r = spawnSync(cmd, alle, { encoding: "utf8", timeout: 90_000, cwd: map });
    if (r.status !== 0) {
      throw new Error(
        `${programma} ${args.join(" ")} mislukte (${r.status ?? r.signal ?? r.error?.message}):\n${r.stdout}${r.stderr}\n${logStaart()}`,
      );
    }
  };
  await voer("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const poort = await vrijePoort();
  // fsync off: the data is thrown away anyway, and a restart must not wait for the disk.
  const serverOpties = [
    `-p ${poort}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${map}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=60",
  ].join(" ");
  const start = () => voer("pg_ctl", ["-D", data, "-l", logBestand, "-w", "-t", "60", "-o", serverOpties, "start"]);
  const stop = () => voer("pg_ctl", ["-D", data, "-w", "-t", "60", "-m", "fast", "stop"]);
  await start();
  let opgeruimd = false;
  const opruimen = () => {
    if (opgeruimd) return;
    opgeruimd = true;
    process.removeListener("exit", opruimen);
    try {
      voerNu("pg_ctl", ["-D", data, "-w", "-t", "30", "-m", "immediate", "stop"]);
    } catch {
      // Already stopped.
    }
    fs.rmSync(map, { recursive: true, force: true });
  };
  // A test run that dies must not leave a server behind.
  process.once("exit", opruimen);
  return {
    poort,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${poort}/${database}`,
    stop,
    start,
    herstart: () =>
      voer("pg_ctl", ["-D", data, "-l", logBestand, "-w", "-t", "60", "-m", "fast", "-o", serverOpties, "restart"]),
    log: () => (fs.existsSync(logBestand) ? fs.readFileSync(logBestand, "utf8") : ""),
    opruimen,
  };
}

/** Creates `naam` on the server (a pg client that is closed again at once). */
export async function maakDatabase(serverUrl: string, naam: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${naam}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${naam}`;
  return url.toString();
}
