/**
 * The deliveries of the load benchmark, generated once into bench/out/load/ and reused: for every
 * berichtgever a clean previous quarter (2026 Q2, delivered before the measurement) and the
 * current one (2026 Q3, delivered at the deadline) of the same population. A third of the current
 * ones go in as a zip, as many berichtgevers do.
 */
import fs from "node:fs";
import path from "node:path";
import yazl from "yazl";
import { laadCodelijst } from "../../lib/swi/gemeenten";
import { genereerLeveringPaar } from "../../lib/swi/testhulp/generator";
import { aantallenPersonen, type Scenario } from "./scenario";

/** Bump when the generator or this layout changes, so cached files are made anew. */
const VERSIE = 1;

export interface BenchBestand {
  naam: string;
  pad: string;
  bytes: number;
}

export interface BenchBerichtgever {
  code: string;
  gemeentecode: string;
  gemeentenaam: string;
  personen: number;
  vorige: BenchBestand;
  huidige: BenchBestand;
  /** The XML of the current quarter (the CLI checks that; `huidige` may be its zip). */
  huidigeXml: BenchBestand;
}

function bestand(pad: string): BenchBestand {
  return { naam: path.basename(pad), pad, bytes: fs.statSync(pad).size };
}

async function zip(xml: string, doel: string): Promise<void> {
  const z = new yazl.ZipFile();
  z.addFile(xml, path.basename(xml));
  z.end();
  const tijdelijk = `${doel}.deel`;
  await new Promise<void>((resolve, reject) => {
    z.outputStream.pipe(fs.createWriteStream(tijdelijk)).on("close", resolve).on("error", reject);
  });
  fs.renameSync(tijdelijk, doel);
}

export async function maakBestanden(
  s: Scenario,
  outDir: string,
  log: (regel: string) => void,
): Promise<BenchBerichtgever[]> {
  const map = path.join(outDir, `${s.seed}-v${VERSIE}`);
  fs.mkdirSync(map, { recursive: true });
  // The gemeenten of the year's list: each berichtgever delivers for one of them, under its code.
  const gemeenten = [...laadCodelijst(2026).gemeenten.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, s.berichtgevers);
  if (gemeenten.length < s.berichtgevers) {
    throw new Error(`De gemeentelijst heeft ${gemeenten.length} gemeenten, het scenario vraagt ${s.berichtgevers}.`);
  }
  const aantallen = aantallenPersonen(s);
  const uit: BenchBerichtgever[] = [];
  let gemaakt = 0;
  for (const [i, g] of gemeenten.entries()) {
    const personen = aantallen[i]!;
    const vorigPad = path.join(map, `SWI_${g.code}_${g.code}_20262.XML`);
    const huidigPad = path.join(map, `SWI_${g.code}_${g.code}_20263.XML`);
    if (!fs.existsSync(vorigPad) || !fs.existsSync(huidigPad)) {
      const { vorige, huidige } = genereerLeveringPaar({
        berichtgevercode: g.code,
        gemeentecode: g.code,
        statistiekjaar: 2026,
        kwartaal: 3,
        aantalPersonen: personen,
        seed: `${s.seed}:${g.code}`,
      });
      await vorige.schrijfXml(`${vorigPad}.deel`);
      await huidige.schrijfXml(`${huidigPad}.deel`);
      fs.renameSync(`${vorigPad}.deel`, vorigPad);
      fs.renameSync(`${huidigPad}.deel`, huidigPad);
      gemaakt++;
      if (gemaakt % 25 === 0) log(`  ${gemaakt} berichtgevers gegenereerd…`);
    }
    let huidige = bestand(huidigPad);
    if (i % 3 === 2) {
      const zipPad = path.join(map, `levering-${g.code}-2026-3.zip`);
      if (!fs.existsSync(zipPad)) await zip(huidigPad, zipPad);
      huidige = bestand(zipPad);
    }
    uit.push({
      code: g.code,
      gemeentecode: g.code,
      gemeentenaam: g.naam,
      personen,
      vorige: bestand(vorigPad),
      huidige,
      huidigeXml: bestand(huidigPad),
    });
  }
  return uit;
}
