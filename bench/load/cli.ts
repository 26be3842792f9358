/**
 * "Processed correctly" means: what the portal stored for a delivery is what the `swi` command
 * says of the same file, with the same previous quarter, receipt date and berichtgever. The
 * command runs as a software vendor would run it, as its own process.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

export interface PortaalUitkomst {
  leveringId: string;
  bestandsnaam: string;
  status: string;
  aantalPersonen: number | null;
  aantalFouten: number | null;
  aantalSignalen: number | null;
  spiegelrapport: unknown;
  bestandSignalen: unknown;
}

export interface CliVraag {
  bestand: string;
  vorige: string;
  ontvangen: string;
  berichtgever: string;
}

interface CliLevering {
  file: string;
  accepted: boolean;
  errorCount: number;
  signals: unknown[];
  fileSignals: { rule: string; severity: string; message: string; advies: string }[];
  spiegelrapport: unknown;
  aantalPersonen: number;
}

export function draaiCli(v: CliVraag): Promise<CliLevering[]> {
  const args = [
    "--import",
    "tsx",
    path.join("bin", "swi.ts"),
    "validate",
    v.bestand,
    "--previous",
    v.vorige,
    "--received",
    v.ontvangen,
    "--berichtgever",
    v.berichtgever,
    "--json",
  ];
  return new Promise((resolve, reject) => {
    const kind = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    const uit: Buffer[] = [];
    let fout = "";
    kind.stdout.on("data", (d: Buffer) => uit.push(d));
    kind.stderr.on("data", (d: Buffer) => (fout += d.toString()));
    kind.once("error", reject);
    kind.once("exit", (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`swi validate ${v.bestand}: code ${code}: ${fout}`));
      resolve((JSON.parse(Buffer.concat(uit).toString("utf8")) as { deliveries: CliLevering[] }).deliveries);
    });
  });
}

/** The differences between the portal's outcome and the command's, as readable lines. */
export function verschillen(p: PortaalUitkomst, c: CliLevering | undefined): string[] {
  if (!c) return [`${p.bestandsnaam}: de opdrachtregel meldt deze levering niet`];
  const uit: string[] = [];
  const gelijk = (wat: string, portaal: unknown, cli: unknown) => {
    if (!isDeepStrictEqual(portaal, cli))
      uit.push(`${p.bestandsnaam}: ${wat} portaal ${JSON.stringify(portaal)} ≠ cli ${JSON.stringify(cli)}`);
  };
  gelijk("status", p.status, c.accepted ? "VERWERKT" : "AFGEKEURD");
  gelijk("aantal personen", p.aantalPersonen, c.aantalPersonen);
  if (c.accepted) {
    gelijk("aantal signalen", p.aantalSignalen, c.signals.length);
    // The command prints these four fields of a file signal.
    const opgeslagen = ((p.bestandSignalen ?? []) as CliLevering["fileSignals"]).map(
      ({ rule, severity, message, advies }) => ({
        rule,
        severity,
        message,
        advies,
      }),
    );
    gelijk("bestandssignalen", opgeslagen, JSON.parse(JSON.stringify(c.fileSignals)) as unknown);
    // Through JSON, as the portal stored it.
    gelijk("spiegelrapport", p.spiegelrapport, JSON.parse(JSON.stringify(c.spiegelrapport)) as unknown);
  } else {
    gelijk("aantal fouten", p.aantalFouten, c.errorCount);
  }
  return uit;
}

/** Runs `taak` over `items`, `parallel` at a time. */
export async function perStuk<T, R>(items: T[], parallel: number, taak: (t: T) => Promise<R>): Promise<R[]> {
  const uit: R[] = new Array(items.length);
  let volgende = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      for (let i = volgende++; i < items.length; i = volgende++) uit[i] = await taak(items[i]!);
    }),
  );
  return uit;
}
