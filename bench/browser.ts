/**
 * Benchmark of the upload page's check in the browser (`npm run bench:browser`).
 *
 * Builds the Web Worker bundle (and reports its size, gzipped: goal ≤ 300 kB), generates a large
 * gemeente (15,000 persons, ~11 MB) and a national file (200,000 persons, ~140 MB) under
 * bench/out/browser/, plus the national file as a zip, and checks each in the system Chromium
 * exactly as the upload page does: the chosen File handed to the worker, read in slices. A timer
 * on the page's main thread meanwhile records its longest pause (the page must not freeze).
 * Goals: 11 MB ≤ 2 s, 140 MB ≤ 15 s. Writes bench/out/browser.json. Not a test.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import yazl from "yazl";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/browser";
import { genereerLevering } from "../lib/swi/testhulp/generator";
import { bouwBrowsercontrole, WORKER_BESTAND } from "../scripts/bouw-browsercontrole";
import { WORKER_PAD } from "../lib/browsercontrole/berichten";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "bench", "out", "browser");
const GENERATOR_VERSIE = 1;

interface Geval {
  naam: string;
  omschrijving: string;
  personen: number;
  code: string;
  zip?: boolean;
  doelSeconden: number;
}

const GEVALLEN: Geval[] = [
  {
    naam: "grote-gemeente",
    omschrijving: "grote gemeente, 15.000 personen",
    personen: 15_000,
    code: "0599",
    doelSeconden: 2,
  },
  { naam: "landelijk", omschrijving: "landelijk, 200.000 personen", personen: 200_000, code: "0363", doelSeconden: 15 },
  { naam: "landelijk", omschrijving: "idem als zip", personen: 200_000, code: "0363", zip: true, doelSeconden: 15 },
];

async function zorgVoorBestand(g: Geval): Promise<{ pad: string; vandaag: number }> {
  fs.mkdirSync(OUT, { recursive: true });
  const meta = path.join(OUT, `${g.naam}.meta.json`);
  const sleutel = `${GENERATOR_VERSIE}|${g.personen}|${g.code}`;
  let m: { sleutel: string; pad: string; vandaag: number } | null = fs.existsSync(meta)
    ? JSON.parse(fs.readFileSync(meta, "utf8"))
    : null;
  if (!m || m.sleutel !== sleutel || !fs.existsSync(m.pad)) {
    process.stdout.write(`Genereren: ${g.omschrijving} … `);
    const l = genereerLevering({
      berichtgevercode: g.code,
      gemeentecode: g.code,
      statistiekjaar: 2026,
      kwartaal: 2,
      aantalPersonen: g.personen,
      seed: `bench-browser-${g.naam}`,
    });
    const pad = path.join(OUT, l.bestandsnaam);
    await l.schrijfXml(pad);
    m = { sleutel, pad, vandaag: l.ontvangstdatum };
    fs.writeFileSync(meta, JSON.stringify(m));
    console.log("klaar");
  }
  if (!g.zip) return m;
  const zipPad = path.join(OUT, `${g.naam}.zip`);
  if (!fs.existsSync(zipPad) || fs.statSync(zipPad).mtimeMs < fs.statSync(m.pad).mtimeMs) {
    const zip = new yazl.ZipFile();
    zip.addFile(m.pad, path.basename(m.pad));
    zip.end();
    await new Promise<void>((klaar, fout) =>
      zip.outputStream.pipe(fs.createWriteStream(zipPad)).on("close", klaar).on("error", fout),
    );
  }
  return { pad: zipPad, vandaag: m.vandaag };
}

const PAGINA = `<!doctype html><meta charset="utf-8"><title>bench</title><input type="file" id="f">
<script>
// As on the upload page: the worker is started when the page opens, before a file is chosen.
let w = new Worker(${JSON.stringify(WORKER_PAD)});
window.meet = (context) => new Promise((klaar) => {
  const bestand = document.getElementById("f").files[0];
  let vorige = performance.now(), maxPauze = 0, berichten = 0;
  const tik = setInterval(() => { const nu = performance.now(); maxPauze = Math.max(maxPauze, nu - vorige); vorige = nu; }, 10);
  const start = performance.now();
  w.onmessage = (e) => {
    if (e.data.soort === "voortgang") { berichten++; return; }
    clearInterval(tik); w.terminate();
    klaar({ ms: performance.now() - start, maxPauze, berichten, antwoord: e.data.soort,
      uitkomsten: (e.data.uitkomsten || []).map((u) => ({ accepted: u.accepted, errorCount: u.errorCount, personen: u.aantalPersonen })) });
  };
  w.postMessage({ bestand, context });
});
</script>`;

async function main(): Promise<void> {
  const bundel = bouwBrowsercontrole();
  console.log(
    `Worker-bundel: ${(bundel.bytes / 1024).toFixed(0)} kB, gzip ${(bundel.gzip / 1024).toFixed(0)} kB (doel ≤ 300 kB)`,
  );

  const server = http.createServer((req, res) => {
    if (req.url === WORKER_PAD) {
      res.writeHead(200, { "content-type": "text/javascript" });
      fs.createReadStream(WORKER_BESTAND).pipe(res);
    } else {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGINA);
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch(chromiumLaunchOptions());
  const resultaten = [];
  try {
    for (const g of GEVALLEN) {
      const { pad, vandaag } = await zorgVoorBestand(g);
      const bytes = fs.statSync(pad).size;
      const page = await browser.newPage();
      await page.goto(url);
      await page.setInputFiles("#f", pad);
      const context = {
        berichtgevercode: g.code,
        toewijzingen: [{ gemeentecode: g.code, gemeentenaam: "bench", vanafJaar: 2020, totEnMetJaar: null }],
        vandaag,
        // The file-level checks run too (F02, F04); no earlier delivery to compare with.
        vorige: { [g.code]: { leveringen: [], volledig: true } },
      };
      const r = (await page.evaluate(
        (c) => (window as unknown as { meet: (c: unknown) => unknown }).meet(c),
        context,
      )) as {
        ms: number;
        maxPauze: number;
        berichten: number;
        antwoord: string;
        uitkomsten: { accepted: boolean; errorCount: number; personen: number }[];
      };
      await page.close();
      const seconden = r.ms / 1000;
      resultaten.push({ geval: g.omschrijving, bytes, ...r, seconden, doelSeconden: g.doelSeconden });
      console.log(
        `${g.omschrijving.padEnd(34)} ${(bytes / 1024 / 1024).toFixed(0).padStart(4)} MiB  ${seconden.toFixed(2).padStart(6)} s ` +
          `(doel ≤ ${g.doelSeconden} s: ${seconden <= g.doelSeconden ? "gehaald" : "NIET gehaald"})  ` +
          `langste pauze hoofdthread ${Math.round(r.maxPauze)} ms, ${r.berichten} voortgangsberichten, ` +
          `${r.antwoord}: ${r.uitkomsten.map((u) => `${u.accepted ? "goedgekeurd" : "afgekeurd"}, ${u.personen} personen, ${u.errorCount} fouten`).join("; ")}`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  fs.writeFileSync(
    path.join(ROOT, "bench", "out", "browser.json"),
    JSON.stringify({ bundel, resultaten, gemeten: new Date().toISOString() }, null, 2),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
