/**
 * The signaleringslijst: the signals of the statistische controle as a CSV and as an XLSX for the
 * berichtgever (and CBS staff), one row per signal, sorted by BSN and then kenmerk.
 *
 * Choices:
 * - XLSX is the format for people: a first sheet "Toelichting" explains the delivery and every
 *   column, then "Signalen" (person-level) and "Bestandssignalen" (file-level). BSN cells are text
 *   cells, so a leading zero survives and Excel does not turn the BSN into a number.
 * - CSV is for import into other systems and for Excel users without XLSX: only the table
 *   (one header row, then data), because explanatory lines above the header break sorting,
 *   filtering and every CSV reader. The explanation is the XLSX's Toelichting sheet (also
 *   available as text through `toelichtingKolommen`). Separator `;` with a UTF-8 BOM, which is what
 *   Dutch Excel expects; file-level signals are rows with an empty BSN, before the person rows.
 *   A BSN keeps its leading zero in the file; Excel shows it only when the column is imported as
 *   text (Gegevens > Van tekst/CSV), another reason the XLSX is the people's format.
 * - Cells that a spreadsheet would read as a formula (starting with = + - @, tab or carriage
 *   return) get a leading apostrophe in the CSV (OWASP CSV injection). XLSX string cells are never
 *   evaluated, so they are written as they are.
 * - exceljs is loaded only when an XLSX is made: it is heavy, and the CLI and the portal's request
 *   handlers import this module for the row order and the CSV.
 */
import type ExcelJS from "exceljs";
import { csvTekst, veiligeCel } from "./tabel";
import { regel } from "./regels";
import type { BestandSignaal, Datum, LeveringKop, RegelCode, Severity, Signaal } from "./types";
import { moment, swiDatum } from "./opmaak";

export interface SignaleringslijstInvoer {
  fileName: string;
  kop: LeveringKop;
  signals: readonly Signaal[];
  fileSignals: readonly BestandSignaal[];
  aantalPersonen?: number;
  gemeentenaam?: string;
  /** The day the delivery was received. */
  ontvangen?: Datum;
  /** When the list was made (default: now). */
  aangemaakt?: Date;
  /** Until when the list can be downloaded, when the portal limits that. */
  beschikbaarTot?: Date;
  /** The description of a rule code; default: the rule catalogue's `omschrijving`. */
  omschrijvingRegel?: (code: RegelCode) => string;
}

export const KOLOMMEN = [
  "BSN",
  "Kenmerk(en)",
  "Waarde(n)",
  "Regel",
  "Omschrijving regel",
  "Ernst",
  "Toelichting",
  "Wat te doen",
] as const;
export const KOLOMMEN_BESTAND = ["Regel", "Omschrijving regel", "Ernst", "Toelichting", "Wat te doen"] as const;

/** What each column means, for the Toelichting sheet and for the portal next to the CSV. */
export const toelichtingKolommen: ReadonlyArray<readonly [kolom: string, betekenis: string]> = [
  [
    "BSN",
    "Burgerservicenummer van de persoon (9 cijfers, met voorloopnul). Leeg bij een signaal over het bestand als geheel.",
  ],
  ["Kenmerk(en)", "Nummer(s) van de kenmerken uit Tabel 1 van de richtlijnen SWI waar het signaal over gaat."],
  ["Waarde(n)", "De geleverde waarde(n) van die kenmerken, zoals in het bestand."],
  ["Regel", "Code van de controle (zie de lijst met controles). De code blijft altijd dezelfde."],
  ["Omschrijving regel", "Korte omschrijving van de controle."],
  [
    "Ernst",
    "fout: vrijwel zeker onjuist; waarschuwing: waarschijnlijk onjuist, controleer het; info: toegestaan, maar het bekijken waard.",
  ],
  ["Toelichting", "Wat er precies is gesignaleerd."],
  [
    "Wat te doen",
    "Wat u kunt doen: corrigeer de registratie en lever de juiste gegevens bij de volgende levering. Een signaal keurt de levering niet af.",
  ],
];

export interface SignaalRij {
  bsn: string;
  kenmerken: string;
  waarden: string;
  regel: string;
  omschrijvingRegel: string;
  ernst: Severity;
  toelichting: string;
  watTeDoen: string;
}

export interface BestandRij {
  regel: string;
  omschrijvingRegel: string;
  ernst: Severity;
  toelichting: string;
  watTeDoen: string;
}

function vergelijkKenmerken(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const verschil = (a[i] ?? 0) - (b[i] ?? 0);
    if (verschil !== 0) return verschil;
  }
  return a.length - b.length;
}

const standaardOmschrijving = (code: RegelCode): string => regel(code).omschrijving;

const tekstVolgorde = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order of the signaleringslijst: by BSN, then kenmerk (lowest first), then rule. */
export function vergelijkSignalen(a: Signaal, b: Signaal): number {
  const ka = [...a.kenmerken].sort((x, y) => x - y);
  const kb = [...b.kenmerken].sort((x, y) => x - y);
  return (
    tekstVolgorde(a.bsn, b.bsn) ||
    vergelijkKenmerken(ka, kb) ||
    tekstVolgorde(a.rule, b.rule) ||
    tekstVolgorde(a.message, b.message)
  );
}

/** Person-level rows in the order of vergelijkSignalen. */
export function signaalRijen(invoer: Pick<SignaleringslijstInvoer, "signals" | "omschrijvingRegel">): SignaalRij[] {
  const omschrijving = invoer.omschrijvingRegel ?? standaardOmschrijving;
  return [...invoer.signals].sort(vergelijkSignalen).map((s) => ({
    bsn: s.bsn,
    kenmerken: [...s.kenmerken].sort((x, y) => x - y).join(", "),
    waarden: s.waarden,
    regel: s.rule,
    omschrijvingRegel: omschrijving(s.rule),
    ernst: s.severity,
    toelichting: s.message,
    watTeDoen: s.advies,
  }));
}

export function bestandRijen(invoer: Pick<SignaleringslijstInvoer, "fileSignals" | "omschrijvingRegel">): BestandRij[] {
  const omschrijving = invoer.omschrijvingRegel ?? standaardOmschrijving;
  return [...invoer.fileSignals]
    .sort((a, b) => tekstVolgorde(a.rule, b.rule))
    .map((s) => ({
      regel: s.rule,
      omschrijvingRegel: omschrijving(s.rule),
      ernst: s.severity,
      toelichting: s.message,
      watTeDoen: s.advies,
    }));
}

export { zonderFormule } from "./tabel";

/** The CSV: UTF-8 BOM, `;`, CRLF; file-level signals first (empty BSN), then the person rows. */
export function signaleringslijstCsv(invoer: SignaleringslijstInvoer): string {
  const rijen: string[][] = [[...KOLOMMEN]];
  for (const r of bestandRijen(invoer))
    rijen.push(["", "", "", r.regel, r.omschrijvingRegel, r.ernst, r.toelichting, r.watTeDoen]);
  for (const r of signaalRijen(invoer)) {
    rijen.push([r.bsn, r.kenmerken, r.waarden, r.regel, r.omschrijvingRegel, r.ernst, r.toelichting, r.watTeDoen]);
  }
  return csvTekst(rijen, { aanhalen: /^\d+$/ });
}

const ERNST_KLEUR: Record<Severity, string> = { fout: "FFF8D7DA", waarschuwing: "FFFFF3CD", info: "FFE2E3E5" };

/** The XLSX: sheets Toelichting, Signalen, Bestandssignalen. */
export async function signaleringslijstXlsx(invoer: SignaleringslijstInvoer): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.creator = "SWI berichtgeversportaal";
  wb.created = invoer.aangemaakt ?? new Date();

  const personen = signaalRijen(invoer);
  const bestand = bestandRijen(invoer);
  schrijfToelichting(wb.addWorksheet("Toelichting"), invoer, personen.length, bestand.length);

  const signalen = wb.addWorksheet("Signalen", { views: [{ state: "frozen", ySplit: 1 }] });
  signalen.columns = [
    { header: "BSN", key: "bsn", width: 12, style: { numFmt: "@" } },
    { header: "Kenmerk(en)", key: "kenmerken", width: 12, style: { numFmt: "@" } },
    { header: "Waarde(n)", key: "waarden", width: 50 },
    { header: "Regel", key: "regel", width: 8 },
    { header: "Omschrijving regel", key: "omschrijvingRegel", width: 30 },
    { header: "Ernst", key: "ernst", width: 14 },
    { header: "Toelichting", key: "toelichting", width: 70 },
    { header: "Wat te doen", key: "watTeDoen", width: 70 },
  ];
  for (const r of personen) {
    const rij = signalen.addRow(veiligeRij(r));
    rij.getCell("ernst").fill = { type: "pattern", pattern: "solid", fgColor: { argb: ERNST_KLEUR[r.ernst] } };
  }
  opmaakKop(signalen, KOLOMMEN.length);

  const bestandBlad = wb.addWorksheet("Bestandssignalen", { views: [{ state: "frozen", ySplit: 1 }] });
  bestandBlad.columns = [
    { header: "Regel", key: "regel", width: 8 },
    { header: "Omschrijving regel", key: "omschrijvingRegel", width: 30 },
    { header: "Ernst", key: "ernst", width: 14 },
    { header: "Toelichting", key: "toelichting", width: 80 },
    { header: "Wat te doen", key: "watTeDoen", width: 80 },
  ];
  for (const r of bestand) bestandBlad.addRow(veiligeRij(r));
  opmaakKop(bestandBlad, KOLOMMEN_BESTAND.length);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row object for exceljs with every text cell neutralised like the CSV's (lib/swi/tabel.ts). */
function veiligeRij<T extends object>(r: T): Record<string, string | number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, veiligeCel(v as string | number)]));
}

function opmaakKop(blad: ExcelJS.Worksheet, kolommen: number): void {
  blad.getRow(1).font = { bold: true };
  blad.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: kolommen } };
}

function schrijfToelichting(
  blad: ExcelJS.Worksheet,
  invoer: SignaleringslijstInvoer,
  aantalSignalen: number,
  aantalBestand: number,
): void {
  blad.columns = [{ width: 28 }, { width: 110 }];
  const titel = blad.addRow(["Signaleringslijst Statistiek Wet Inburgering (SWI)"]);
  titel.font = { bold: true, size: 14 };
  blad.addRow([]);
  const { kop } = invoer;
  const gegevens: Array<[string, string]> = [
    ["Bestand", invoer.fileName],
    ["Berichtgevercode", kop.berichtgevercode],
    ["Gemeente", invoer.gemeentenaam ? `${kop.gemeentecode} ${invoer.gemeentenaam}` : kop.gemeentecode],
    ["Statistiekjaar en -kwartaal", `${kop.statistiekjaar} kwartaal ${kop.statistiekkwartaal}`],
  ];
  if (invoer.ontvangen !== undefined) gegevens.push(["Ontvangen op", swiDatum(invoer.ontvangen)]);
  if (invoer.aantalPersonen !== undefined)
    gegevens.push(["Aantal personen in het bestand", String(invoer.aantalPersonen)]);
  gegevens.push(["Signalen over personen", String(aantalSignalen)]);
  gegevens.push(["Signalen over het bestand", String(aantalBestand)]);
  gegevens.push(["Aangemaakt op", moment(invoer.aangemaakt ?? new Date())]);
  if (invoer.beschikbaarTot) gegevens.push(["Beschikbaar tot", moment(invoer.beschikbaarTot)]);
  for (const [naam, waarde] of gegevens) {
    const rij = blad.addRow([naam, veiligeCel(waarde)]);
    rij.getCell(1).font = { bold: true };
    rij.getCell(2).numFmt = "@";
  }
  blad.addRow([]);
  blad
    .addRow([
      "Over deze lijst",
      "De levering is technisch goedgekeurd. Elke rij op het blad Signalen is één bevinding over één persoon; het blad Bestandssignalen bevat bevindingen over het bestand als geheel. Signalen keuren de levering niet af: controleer ze, corrigeer waar nodig uw registratie en lever de juiste gegevens bij de volgende levering.",
    ])
    .getCell(2).alignment = { wrapText: true };
  blad.addRow([]);
  const kolomKop = blad.addRow(["Kolom", "Betekenis"]);
  kolomKop.font = { bold: true };
  for (const [kolom, betekenis] of toelichtingKolommen)
    blad.addRow([kolom, betekenis]).getCell(2).alignment = { wrapText: true };
}
