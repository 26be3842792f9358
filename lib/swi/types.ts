/**
 * The contract between the parts of the SWI engine (lib/swi/): the intake and
 * technische controle produce a GeparsteLevering, the statistische controle and
 * the spiegelrapport consume it. Pure data, no behaviour.
 *
 * Dates are numbers of the form jjjjmmdd (20260115), because 200,000 persons
 * with ~20 dates each must fit in memory twice (current and previous quarter)
 * and small integers are the cheapest thing V8 stores. Only Geboortedatum may
 * carry 00 for an unknown month and/or day (19850000, 19850300).
 */
import type { BestandTelling } from "./statistisch/bestand";

/** jjjjmmdd as a number, e.g. 20260115. */
export type Datum = number;

export type Severity = "fout" | "waarschuwing" | "info";

/** Stable rule codes of controles.md. CBS, vendors and campaigns refer to them. */
export type TechnischeRegelCode = "T01" | "T02" | "T03" | "T04" | "T05" | "T06" | "T07" | "T08" | "T09" | "T10";
export type PersoonRegelCode =
  | "P01"
  | "P02"
  | "P03"
  | "P04"
  | "P05"
  | "P06"
  | "P07"
  | "P08"
  | "P09"
  | "P10"
  | "P11"
  | "P12"
  | "P13"
  | "P14"
  | "P15"
  | "P16"
  | "P17"
  | "P18"
  | "P19"
  | "P20"
  | "P21"
  | "P22"
  | "P23"
  | "P24";
export type EerdereRegelCode = "Q01" | "Q02" | "Q03" | "Q04" | "Q05" | "Q06";
export type BestandRegelCode = "F01" | "F02" | "F03" | "F04";
export type RegelCode = TechnischeRegelCode | PersoonRegelCode | EerdereRegelCode | BestandRegelCode;

/** The Levering block (kenmerken 1–7). */
export interface LeveringKop {
  statistiekjaar: number; // k1
  statistiekkwartaal: 1 | 2 | 3 | 4; // k2
  statistiekcode: number; // k3
  naamSoftwarepakket: string; // k4
  versieSoftwarepakket: string; // k5
  berichtgevercode: string; // k6, 4 digits with leading zeros
  gemeentecode: string; // k7, 4 digits with leading zeros
}

export interface Pip {
  line: number;
  datum: Datum; // k30
  route: 1 | 2 | 3; // k31: 1 B1-route, 2 onderwijsroute, 3 Z-route
  niveau?: 1 | 2; // k32
  begindatum?: Datum; // k33
  einddatum?: Datum; // k34
}

export interface Voortgangsgesprek {
  line: number;
  datum: Datum; // k35
}

export interface Boete {
  line: number;
  datum: Datum; // k36
  reden: 1 | 2; // k37
  bedrag: number; // k38, whole euros 0–9999
}

/** One Persoon of a technically accepted file. Absent optional elements are undefined. */
export interface Persoon {
  line: number; // line of the <Persoon> start tag
  bsn: string; // k8, 9 digits, keeps its leading zero
  geboortedatum: Datum; // k9 (may hold 00 for month/day)
  geslacht: 1 | 2 | 3; // k10
  typeMigrant: 1 | 2; // k11: 1 asielstatushouder, 2 gezinsmigrant/overige migrant
  maatschappelijkeBegeleidingBegindatum?: Datum; // k12
  ontzorgenBegindatum?: Datum; // k13
  ontzorgenEinddatum?: Datum; // k14
  bredeIntakeBegindatum?: Datum; // k15
  bredeIntakeUrenTaalKNM?: number; // k16
  waarschuwingNietVerschijnenIntakeDatum?: Datum; // k17
  alfabetiseringscursus?: 1 | 2; // k18
  analfabetisme?: 1 | 2; // k19
  pvtOndertekeningsdatum?: Datum; // k20
  mapDatumEersteActiviteit?: Datum; // k21
  mapDatumEindgesprek?: Datum; // k22
  zRouteInschattingTaalniveau?: 1 | 2; // k23
  zRouteLezen?: 1 | 2 | 3 | 9; // k24
  zRouteSchrijven?: 1 | 2 | 3 | 9; // k25
  zRouteSpreken?: 1 | 2 | 3 | 9; // k26
  zRouteLuisteren?: 1 | 2 | 3 | 9; // k27
  eindeBegeleidingReden?: 1 | 2; // k28
  eindeBegeleidingDatum?: Datum; // k29
  pips: Pip[];
  voortgangsgesprekken: Voortgangsgesprek[];
  boetes: Boete[];
}

/** A technically accepted delivery, ready for the statistische controle. */
export interface GeparsteLevering {
  fileName: string;
  kop: LeveringKop;
  personen: Persoon[];
}

/** One failure of the technische controle. */
export interface TechnischeFout {
  line: number | null; // null when the failure is not tied to a line (bad name, bad zip)
  kenmerk: number | null; // Tabel 1 number, null when not about one kenmerk
  rule: TechnischeRegelCode;
  message: string; // plain Dutch, for a municipal civil servant
  /** For a zip refused as a whole: the member this failure is about (the zip's own problems have none). */
  bestand?: string;
}

/** A person-level finding: one row of the signaleringslijst. */
export interface Signaal {
  bsn: string;
  kenmerken: number[];
  waarden: string; // the value(s) involved, e.g. "OntzorgenBegindatum (13) = 20260110; OntzorgenEinddatum (14) = 20251231"
  rule: PersoonRegelCode | EerdereRegelCode;
  severity: Severity;
  message: string; // Dutch explanation
  advies: string; // Dutch: what to do about it
}

/** A finding about the file as a whole. */
export interface BestandSignaal {
  rule: BestandRegelCode;
  severity: Severity;
  message: string;
  advies: string;
}

/** What the checks need to know beyond the file itself. */
export interface ControleContext {
  /** The day the file was received (jjjjmmdd). */
  received: Datum;
  /**
   * The uploading berichtgever, when known (portal, API, `swi validate --berichtgever`).
   * Without it T06 checks the gemeente against the CBS codelijst of the year.
   */
  uploader?: {
    berichtgevercode: string;
    /** Gemeentecodes this berichtgever reports for in the given statistiekjaar. */
    gemeentenVoorJaar(statistiekjaar: number): ReadonlySet<string>;
  };
  /** Gemeentecodes of the CBS codelijst that applies to the given year. */
  codelijst(statistiekjaar: number): ReadonlySet<string>;
}

/** The outcome of the technische controle of one XML (one delivery). */
export interface TechnischeUitkomst {
  fileName: string;
  accepted: boolean;
  /** At most MAX_FOUTEN entries, in file order. */
  errors: TechnischeFout[];
  /** All failures found, including those beyond the cap. */
  errorCount: number;
  /** Present when accepted (unless only counted: see XmlOpties.alleenTellen). */
  levering?: GeparsteLevering;
  /** Present when accepted and asked for instead of the persons: the counts for F01–F03. */
  telling?: BestandTelling;
  /** The header as read, when it could be read (also for rejected files). */
  kop?: Partial<LeveringKop>;
  /** Number of Persoon elements seen (also for rejected files). */
  aantalPersonen: number;
}

export interface StatistischeUitkomst {
  signals: Signaal[];
  fileSignals: BestandSignaal[];
}
