/**
 * Controle tegen eerdere leveringen: Q01–Q06 of controles.md. Q01–Q03 compare with the previous
 * quarter's delivery (the latest earlier one), Q04–Q06 with all earlier deliveries.
 */
import { formatDatum } from "../datum";
import type { Persoon } from "../types";
import { compacteBsn, gesprekEerderGeleverd, Q03_KENMERKEN, type CompactePersonen, type EerdereIndex } from "./eerdere";
import { kenmerkWaarde, waardeTekst } from "./kenmerken";
import { persoonDatum } from "./persoon";
import type { Signalen } from "./signalen";

/** For values: "vorig kwartaal (2025 K4)". */
function vorigeTekst(idx: EerdereIndex): string {
  return `vorig kwartaal (${idx.labels[idx.vorige]})`;
}

/** For sentences: "de levering over het vorige kwartaal (2025 K4)". */
function vorigeLeveringTekst(idx: EerdereIndex): string {
  return `de levering over het vorige kwartaal (${idx.labels[idx.vorige]})`;
}

/** Q02–Q06 for one person of the current delivery; `e` is the person's slot in the index (GEEN: none). */
export function controleerTegenEerdere(p: Persoon, idx: EerdereIndex, e: number, out: Signalen): void {
  if (e < 0) return;
  if (idx.laatsteLevering[e] === idx.vorige) {
    const vorig = idx.leveringen[idx.vorige] as CompactePersonen;
    const i = idx.laatstePositie[e] as number;
    q02(p, vorig, i, idx, out);
    q03(p, vorig, i, idx, out);
  }
  q04(p, idx, e, out);
  q05(p, idx, e, out);
  q06(p, idx, e, out);
}

function q02(p: Persoon, vorig: CompactePersonen, i: number, idx: EerdereIndex, out: Signalen): void {
  const geboortedatum = vorig.geboortedatum[i] as number;
  const geslacht = vorig.geslacht[i] as number;
  if (p.geboortedatum === geboortedatum && p.geslacht === geslacht) return;
  const ks: number[] = [];
  const delen: string[] = [];
  if (p.geboortedatum !== geboortedatum) {
    ks.push(9);
    delen.push(`${kenmerkWaarde(9, p.geboortedatum)} (${vorigeTekst(idx)}: ${waardeTekst(9, geboortedatum)})`);
  }
  if (p.geslacht !== geslacht) {
    ks.push(10);
    delen.push(`${kenmerkWaarde(10, p.geslacht)} (${vorigeTekst(idx)}: ${waardeTekst(10, geslacht)})`);
  }
  const wat =
    ks.length === 2
      ? "De geboortedatum en het geslacht wijken"
      : ks[0] === 9
        ? "De geboortedatum wijkt"
        : "Het geslacht wijkt";
  out.voeg(
    p.bsn,
    "Q02",
    ks,
    delen.join("; "),
    `${wat} af van ${vorigeLeveringTekst(idx)}. Deze gegevens komen uit de BRP en wijzigen zelden.`,
  );
}

function q03(p: Persoon, vorig: CompactePersonen, i: number, idx: EerdereIndex, out: Signalen): void {
  let ks: number[] | null = null;
  let delen: string[] | null = null;
  for (let j = 0; j < Q03_KENMERKEN.length; j++) {
    const k = Q03_KENMERKEN[j] as (typeof Q03_KENMERKEN)[number];
    const oud = vorig.datums[i * Q03_KENMERKEN.length + j] as number;
    if (oud === 0) continue;
    const nu = persoonDatum(p, k);
    if (nu === oud) continue;
    (ks ??= []).push(k);
    (delen ??= []).push(`${kenmerkWaarde(k, nu)} (${vorigeTekst(idx)}: ${formatDatum(oud)})`);
  }
  if (ks === null || delen === null) return;
  out.voeg(
    p.bsn,
    "Q03",
    ks,
    delen.join("; "),
    `${ks.length > 1 ? "Datums die" : "Een datum die"} in ${vorigeLeveringTekst(idx)} ${ks.length > 1 ? "stonden, zijn" : "stond, is"} gewijzigd of ontbreken nu.`,
  );
}

function q04(p: Persoon, idx: EerdereIndex, e: number, out: Signalen): void {
  for (const g of p.voortgangsgesprekken) {
    const li = gesprekEerderGeleverd(idx, e, g.datum);
    if (li < 0) continue;
    out.voeg(
      p.bsn,
      "Q04",
      [35],
      kenmerkWaarde(35, g.datum),
      `Dit voortgangsgesprek is al geleverd in de levering over ${idx.labels[li]}. Een voortgangsgesprek wordt maar één keer geleverd.`,
    );
  }
}

function q05(p: Persoon, idx: EerdereIndex, e: number, out: Signalen): void {
  const kop = idx.boeteKop[e] as number;
  if (kop < 0) return;
  for (const bo of p.boetes) {
    let zelfdeDatum = false;
    let redenen = 0; // bit per earlier reden on this date
    // The earlier boete with the same date and reden from the latest delivery: its amount is the
    // one a correction may only lower (within that delivery the lowest, to be safe).
    let laatsteLevering = -1;
    let laatsteBedrag = 0;
    // The order of the earlier boetes does not matter: latest delivery, then lowest amount.
    for (let j = kop; j >= 0; j = idx.boeteVolgende[j] as number) {
      if (idx.boeteDatum[j] !== bo.datum) continue;
      zelfdeDatum = true;
      const reden = idx.boeteReden[j] as number;
      redenen |= 1 << reden;
      if (reden !== bo.reden) continue;
      const levering = idx.boeteLevering[j] as number;
      const bedrag = idx.boeteBedrag[j] as number;
      if (levering > laatsteLevering || (levering === laatsteLevering && bedrag < laatsteBedrag)) {
        laatsteLevering = levering;
        laatsteBedrag = bedrag;
      }
    }
    if (!zelfdeDatum) continue;
    const waarden = `${kenmerkWaarde(36, bo.datum)}; ${kenmerkWaarde(37, bo.reden)}; ${kenmerkWaarde(38, bo.bedrag)}`;
    if (laatsteLevering < 0) {
      const eerder = [1, 2]
        .filter((r) => (redenen & (1 << r)) !== 0)
        .map((r) => waardeTekst(37, r))
        .join(" en ");
      out.voeg(
        p.bsn,
        "Q05",
        [36, 37],
        `${waarden} (eerder geleverd met BoeteReden ${eerder})`,
        "Er is eerder een boete met dezelfde datum geleverd, maar met een andere reden. Een correctie van een boete houdt de datum en de reden gelijk (2.5 van de richtlijnen).",
      );
    } else if (bo.bedrag > laatsteBedrag) {
      out.voeg(
        p.bsn,
        "Q05",
        [36, 37, 38],
        `${waarden} (eerder geleverd: BoeteBedrag ${laatsteBedrag} in de levering over ${idx.labels[laatsteLevering]})`,
        "Het bedrag is hoger dan bij de eerder geleverde boete met dezelfde datum en reden. Bij een correctie mag het bedrag alleen omlaag (0 bij intrekking).",
      );
    }
  }
}

function q06(p: Persoon, idx: EerdereIndex, e: number, out: Signalen): void {
  const leerrouteBegin = idx.leerrouteBegin[e] as number;
  if (leerrouteBegin === 0) return;
  for (const pip of p.pips) {
    if (pip.begindatum === undefined || pip.begindatum === leerrouteBegin) continue;
    out.voeg(
      p.bsn,
      "Q06",
      [33],
      `${kenmerkWaarde(33, pip.begindatum)} (PIP van ${formatDatum(pip.datum)}; eerder geleverd: ${formatDatum(leerrouteBegin)} in de levering over ${idx.labels[idx.leerrouteBeginLevering[e] as number]})`,
      "De begindatum van de leerroute wijkt af van de eerder geleverde. De begindatum (eerste cursusdag) blijft ongewijzigd, ook als de route wijzigt.",
    );
  }
}

/** Q01: persons of the previous quarter without EindeBegeleidingReden who are missing now. */
export function verdwenenPersonen(idx: EerdereIndex, out: Signalen): void {
  if (idx.vorige < 0) return;
  const vorige = idx.leveringen[idx.vorige];
  if (vorige === undefined) return;
  for (let i = 0; i < vorige.aantal; i++) {
    if (vorige.eindeReden[i] !== 0) continue;
    const s = idx.slots.vanCompact(vorige, i);
    if (s >= 0 && idx.gezien[s] === 1) continue;
    const bsn = compacteBsn(vorige, i);
    out.voeg(
      bsn,
      "Q01",
      [8, 28],
      `${kenmerkWaarde(8, bsn)}; ${kenmerkWaarde(28, undefined)} (${vorigeTekst(idx)})`,
      `Deze persoon stond in ${vorigeLeveringTekst(idx)} zonder reden einde begeleiding, maar ontbreekt in deze levering.`,
    );
  }
}
