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
import {
  isGemarkeerd,
  REACTIE_TEKST,
  vorigKwartaalTekst,
  type SignaalReactieSoort,
  type VorigKwartaal,
} from "./signaalsleutel";

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
  /**
   * The same signal in the previous quarter's list, when the portal knows it. Given, the list gets
   * the column "Vorig kwartaal" and a signal that was to be corrected ("wordt hersteld") but is here
   * again comes first.
   */
  vorigKwartaal?: (s: Signaal) => VorigKwartaal | undefined;
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
export const KOLOM_VORIG_KWARTAAL = "Vorig kwartaal";
/** The signal's number in the portal, where it is answered (only in the portal's lists). */
export const KOLOM_NR = "Nr";
/** To fill in and upload back to the portal (XLSX only): the response and its explanation. */
export const KOLOM_REACTIE = "Reactie";
export const KOLOM_TOELICHTING_REACTIE = "Toelichting reactie";
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

export const toelichtingVorigKwartaal = [
  KOLOM_VORIG_KWARTAAL,
  "Of hetzelfde signaal (zelfde persoon, regel en waarden) ook vorig kwartaal op de lijst stond, en wat u toen antwoordde. Signalen die u toen met 'wordt hersteld' beantwoordde en die er nog steeds zijn, staan bovenaan. Signalen die u met 'klopt' beantwoordde, komen niet terug.",
] as const;

export const toelichtingNr = [
  KOLOM_NR,
  "Nummer van het signaal in het portaal, waar u op de pagina van de signaleringslijst per signaal kunt reageren.",
] as const;

export const toelichtingReactie = [
  [
    KOLOM_REACTIE,
    "Vul in: klopt, wordt hersteld of vraag aan CBS, en upload het bestand op de pagina van de signaleringslijst. U kunt ook per signaal reageren in het portaal.",
  ],
  [KOLOM_TOELICHTING_REACTIE, "Waarom het signaal klopt, of uw vraag aan het CBS. Nodig bij klopt en bij een vraag."],
] as const;

export interface SignaalRij {
  bsn: string;
  kenmerken: string;
  waarden: string;
  regel: string;
  omschrijvingRegel: string;
  ernst: Severity;
  toelichting: string;
  watTeDoen: string;
  /** Only with `vorigKwartaal`: "" when the signal is new. */
  vorigKwartaal?: string;
  gemarkeerd?: boolean;
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
export function signaalRijen(
  invoer: Pick<SignaleringslijstInvoer, "signals" | "omschrijvingRegel" | "vorigKwartaal">,
): SignaalRij[] {
  return geordendeSignalen(invoer).map(({ rij }) => rij);
}

/**
 * The signals with their rows, in the list's order: by vergelijkSignalen, with (when the previous
 * quarter is known) the flagged ones first. The portal numbers its stored signals by this order.
 */
export function geordendeSignalen(
  invoer: Pick<SignaleringslijstInvoer, "signals" | "omschrijvingRegel" | "vorigKwartaal">,
): { signaal: Signaal; rij: SignaalRij }[] {
  const omschrijving = invoer.omschrijvingRegel ?? standaardOmschrijving;
  const vorig = invoer.vorigKwartaal;
  const gesorteerd = [...invoer.signals].sort(vergelijkSignalen);
  const geordend = vorig
    ? [...gesorteerd.filter((s) => isGemarkeerd(vorig(s))), ...gesorteerd.filter((s) => !isGemarkeerd(vorig(s)))]
    : gesorteerd;
  return geordend.map((s) => ({ signaal: s, rij: rijVan(s, omschrijving, vorig) }));
}

function rijVan(
  s: Signaal,
  omschrijving: (code: RegelCode) => string,
  vorig: SignaleringslijstInvoer["vorigKwartaal"],
): SignaalRij {
  const v = vorig?.(s);
  return {
    bsn: s.bsn,
    kenmerken: [...s.kenmerken].sort((x, y) => x - y).join(", "),
    waarden: s.waarden,
    regel: s.rule,
    omschrijvingRegel: omschrijving(s.rule),
    ernst: s.severity,
    toelichting: s.message,
    watTeDoen: s.advies,
    ...(vorig ? { vorigKwartaal: vorigKwartaalTekst(v), gemarkeerd: isGemarkeerd(v) } : {}),
  };
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
  const metVorig = invoer.vorigKwartaal !== undefined;
  const rijen: string[][] = [metVorig ? [...KOLOMMEN, KOLOM_VORIG_KWARTAAL, KOLOM_NR] : [...KOLOMMEN]];
  for (const r of bestandRijen(invoer))
    rijen.push([
      "",
      "",
      "",
      r.regel,
      r.omschrijvingRegel,
      r.ernst,
      r.toelichting,
      r.watTeDoen,
      ...(metVorig ? ["", ""] : []),
    ]);
  for (const [i, r] of signaalRijen(invoer).entries()) {
    rijen.push([
      r.bsn,
      r.kenmerken,
      r.waarden,
      r.regel,
      r.omschrijvingRegel,
      r.ernst,
      r.toelichting,
      r.watTeDoen,
      ...(metVorig ? [r.vorigKwartaal ?? "", String(i + 1)] : []),
    ]);
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
    ...(invoer.vorigKwartaal
      ? [
          { header: KOLOM_VORIG_KWARTAAL, key: "vorigKwartaal", width: 40 },
          { header: KOLOM_NR, key: "nr", width: 8 },
          { header: KOLOM_REACTIE, key: "reactie", width: 18 },
          { header: KOLOM_TOELICHTING_REACTIE, key: "toelichtingReactie", width: 50 },
        ]
      : []),
  ];
  for (const [i, { gemarkeerd, ...r }] of personen.entries()) {
    const rij = signalen.addRow({ ...veiligeRij(r), ...(invoer.vorigKwartaal ? { nr: i + 1 } : {}) });
    rij.getCell("ernst").fill = { type: "pattern", pattern: "solid", fgColor: { argb: ERNST_KLEUR[r.ernst] } };
    if (gemarkeerd) rij.getCell("vorigKwartaal").font = { bold: true };
    if (invoer.vorigKwartaal) {
      rij.getCell("reactie").dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${Object.values(REACTIE_TEKST).join(",")}"`],
      };
    }
  }
  opmaakKop(signalen, KOLOMMEN.length + (invoer.vorigKwartaal ? 4 : 0));

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
  const kolommen = invoer.vorigKwartaal
    ? [...toelichtingKolommen, toelichtingVorigKwartaal, toelichtingNr, ...toelichtingReactie]
    : toelichtingKolommen;
  for (const [kolom, betekenis] of kolommen) blad.addRow([kolom, betekenis]).getCell(2).alignment = { wrapText: true };
}

export interface IngevuldeReactie {
  nr: number;
  reactie: SignaalReactieSoort;
  toelichting: string;
}

export interface GelezenReacties {
  reacties: IngevuldeReactie[];
  /** Dutch, one per row that could not be read: "Rij 5: …". */
  fouten: string[];
}

const REACTIE_UIT_TEKST = new Map<string, SignaalReactieSoort>([
  ...Object.entries(REACTIE_TEKST).map(
    ([soort, tekst]) => [tekst.toLowerCase(), soort as SignaalReactieSoort] as const,
  ),
  ["vraag", "VRAAG"],
  ["hersteld", "WORDT_HERSTELD"],
]);

function celTekst(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  if (typeof v === "object" && "text" in v) return String(v.text);
  return String(v);
}

/**
 * The responses filled in on the sheet Signalen of a signaleringslijst the portal made (the columns
 * Nr, Reactie and Toelichting reactie, found by their header). Rows without a response are skipped.
 */
export async function leesIngevuldeReacties(xlsx: Buffer): Promise<GelezenReacties> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  } catch {
    return { reacties: [], fouten: ["Het bestand is geen Excel-bestand (XLSX)."] };
  }
  const blad = wb.getWorksheet("Signalen");
  if (!blad) return { reacties: [], fouten: ["Het bestand heeft geen tabblad Signalen."] };
  const kop = new Map<string, number>();
  blad.getRow(1).eachCell((c, n) => kop.set(celTekst(c.value).trim(), n));
  const [nrKol, reactieKol, toelichtingKol] = [KOLOM_NR, KOLOM_REACTIE, KOLOM_TOELICHTING_REACTIE].map((k) =>
    kop.get(k),
  );
  if (!nrKol || !reactieKol || !toelichtingKol) {
    return {
      reacties: [],
      fouten: [
        `Het tabblad Signalen mist de kolommen ${KOLOM_NR}, ${KOLOM_REACTIE} en ${KOLOM_TOELICHTING_REACTIE}: gebruik de signaleringslijst die het portaal voor deze levering maakte.`,
      ],
    };
  }
  const reacties: IngevuldeReactie[] = [];
  const fouten: string[] = [];
  blad.eachRow((rij, n) => {
    if (n === 1) return;
    const reactieTekst = celTekst(rij.getCell(reactieKol).value).trim();
    if (reactieTekst === "") return;
    const nr = Number(celTekst(rij.getCell(nrKol).value).trim());
    const reactie = REACTIE_UIT_TEKST.get(reactieTekst.toLowerCase());
    const toelichting = celTekst(rij.getCell(toelichtingKol).value).trim();
    if (!Number.isInteger(nr) || nr < 1) fouten.push(`Rij ${n}: het nummer in de kolom ${KOLOM_NR} ontbreekt.`);
    else if (!reactie)
      fouten.push(`Rij ${n}: "${reactieTekst}" is geen reactie; kies klopt, wordt hersteld of vraag aan CBS.`);
    else if (reactie !== "WORDT_HERSTELD" && toelichting === "")
      fouten.push(`Rij ${n}: bij ${REACTIE_TEKST[reactie]} hoort een toelichting.`);
    else reacties.push({ nr, reactie, toelichting });
  });
  return { reacties, fouten };
}
