import { parse } from "csv-parse/sync";
import type { Db } from "@/lib/db/client";
import { beheerLezing } from "./context";
import { type ActieContext, ActieFout, type Tx } from "@/lib/acties/context";
import { type Actor } from "@/lib/auth/actor";
import { aantal } from "@/lib/swi/opmaak";

/**
 * The CBS gemeente codelijst per statistiekjaar as loaded in the database (table gemeente), and
 * loading a new year's list from a CSV with a preview of what changed against the previous year:
 * gemeentelijke herindelingen happen every 1 January.
 */

export interface CodelijstGemeente {
  code: string;
  naam: string;
  provincie: string | null;
}

export interface DbCodelijst {
  jaar: number;
  /** The year of the list used; null when there is none for this year or any earlier one. */
  lijstJaar: number | null;
  eigenLijst: boolean;
  gemeenten: Map<string, CodelijstGemeente>;
  toelichting: string;
}

/** The list of `jaar`, or the latest earlier one (the next year's list is often loaded late). */
export async function codelijstUitDb(db: Db | Tx, jaar: number): Promise<DbCodelijst> {
  const lijst = await db.gemeenteLijst.findFirst({ where: { jaar: { lte: jaar } }, orderBy: { jaar: "desc" } });
  if (!lijst) {
    return {
      jaar,
      lijstJaar: null,
      eigenLijst: false,
      gemeenten: new Map(),
      toelichting: `Er is geen CBS-codelijst van gemeenten voor ${jaar} of een eerder jaar geladen.`,
    };
  }
  const rijen = await db.gemeente.findMany({ where: { jaar: lijst.jaar }, orderBy: { code: "asc" } });
  const gemeenten = new Map(rijen.map((g) => [g.code, { code: g.code, naam: g.naam, provincie: g.provincie }]));
  const eigenLijst = lijst.jaar === jaar;
  return {
    jaar,
    lijstJaar: lijst.jaar,
    eigenLijst,
    gemeenten,
    toelichting: eigenLijst
      ? `CBS-codelijst van gemeenten ${jaar} (${aantal(gemeenten.size, "gemeente", "gemeenten")}).`
      : `Er is nog geen CBS-codelijst van gemeenten voor ${jaar} geladen; de lijst van ${lijst.jaar} (${aantal(gemeenten.size, "gemeente", "gemeenten")}) is gebruikt.`,
  };
}

export async function geladenLijsten(actor: Actor) {
  const lijsten = await beheerLezing(actor).gemeenteLijst.findMany({
    orderBy: { jaar: "desc" },
    include: { _count: { select: { gemeenten: true } } },
  });
  return lijsten.map((l) => ({ jaar: l.jaar, bron: l.bron, geladenOp: l.geladenOp, aantal: l._count.gemeenten }));
}

export const MAX_CSV_BYTES = 1024 * 1024;

const CODE_KOLOMMEN = ["gemeentecode", "code"];
const NAAM_KOLOMMEN = ["gemeentenaam", "naam"];
const PROVINCIE_KOLOMMEN = ["provincie", "provincienaam"];

export interface CsvUitkomst {
  gemeenten: CodelijstGemeente[];
  /** Dutch, with line numbers; the list is not loaded while there are any. */
  fouten: string[];
}

/**
 * A CSV with a header line naming at least the code and name columns (gemeentecode/code,
 * gemeentenaam/naam, optional provincie), separated by commas or semicolons (Excel in Dutch).
 * Codes are 4 digits, or CBS's own GM0153 form; a code that lost its leading zeros in a
 * spreadsheet is refused rather than guessed.
 */
export function leesCodelijstCsv(tekst: string): CsvUitkomst {
  const schoon = tekst.replace(/^\uFEFF/, "");
  const eersteRegel = schoon.split(/\r?\n/, 1)[0] ?? "";
  const scheiding = eersteRegel.includes(";") && !eersteRegel.includes(",") ? ";" : ",";
  let rijen: string[][];
  try {
    rijen = parse(schoon, { delimiter: scheiding, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const regel = (e as { lines?: number }).lines;
    return { gemeenten: [], fouten: [`Het bestand is geen geldige CSV${regel ? ` (regel ${regel})` : ""}.`] };
  }
  const [kop, ...data] = rijen;
  const kolommen = (kop ?? []).map((k) => k.toLowerCase());
  const codeIdx = kolommen.findIndex((k) => CODE_KOLOMMEN.includes(k));
  const naamIdx = kolommen.findIndex((k) => NAAM_KOLOMMEN.includes(k));
  const provIdx = kolommen.findIndex((k) => PROVINCIE_KOLOMMEN.includes(k));
  if (codeIdx < 0 || naamIdx < 0) {
    return {
      gemeenten: [],
      fouten: [
        "De eerste regel moet de kolomnamen bevatten: gemeentecode en gemeentenaam (en eventueel provincie), gescheiden door komma's of puntkomma's.",
      ],
    };
  }
  const fouten: string[] = [];
  const gemeenten: CodelijstGemeente[] = [];
  const gezien = new Map<string, number>();
  data.forEach((rij, i) => {
    const regel = i + 2;
    const ruweCode = rij[codeIdx] ?? "";
    const naam = rij[naamIdx] ?? "";
    const m = /^(?:GM)?([0-9]{4})$/i.exec(ruweCode);
    if (!m) {
      fouten.push(
        /^[0-9]{1,3}$/.test(ruweCode)
          ? `Regel ${regel}: gemeentecode "${ruweCode}" heeft geen 4 cijfers; waarschijnlijk zijn de voorloopnullen weggevallen (sla de kolom in Excel op als tekst, bijvoorbeeld 0014).`
          : `Regel ${regel}: gemeentecode "${ruweCode}" bestaat niet uit 4 cijfers (bijvoorbeeld 0153 of GM0153).`,
      );
      return;
    }
    const code = m[1]!;
    if (!naam) {
      fouten.push(`Regel ${regel}: de gemeentenaam ontbreekt.`);
      return;
    }
    const eerder = gezien.get(code);
    if (eerder !== undefined) {
      fouten.push(`Regel ${regel}: gemeentecode ${code} staat ook al op regel ${eerder}.`);
      return;
    }
    gezien.set(code, regel);
    gemeenten.push({ code, naam, provincie: provIdx >= 0 ? rij[provIdx] || null : null });
  });
  if (!fouten.length && gemeenten.length === 0) fouten.push("Het bestand bevat geen gemeenten.");
  gemeenten.sort((a, b) => a.code.localeCompare(b.code));
  return { gemeenten, fouten };
}

export interface CodelijstVerschil {
  toegevoegd: CodelijstGemeente[];
  verwijderd: CodelijstGemeente[];
  hernoemd: { code: string; oud: string; nieuw: string }[];
  ongewijzigd: number;
}

export function vergelijkCodelijst(
  vorige: ReadonlyMap<string, CodelijstGemeente>,
  nieuw: readonly CodelijstGemeente[],
): CodelijstVerschil {
  const nieuwMap = new Map(nieuw.map((g) => [g.code, g]));
  const toegevoegd = nieuw.filter((g) => !vorige.has(g.code));
  const verwijderd = [...vorige.values()]
    .filter((g) => !nieuwMap.has(g.code))
    .sort((a, b) => a.code.localeCompare(b.code));
  const hernoemd: CodelijstVerschil["hernoemd"] = [];
  let ongewijzigd = 0;
  for (const g of nieuw) {
    const oud = vorige.get(g.code);
    if (!oud) continue;
    if (oud.naam !== g.naam) hernoemd.push({ code: g.code, oud: oud.naam, nieuw: g.naam });
    else ongewijzigd++;
  }
  return { toegevoegd, verwijderd, hernoemd, ongewijzigd };
}

export interface CodelijstVoorbeeld {
  jaar: number;
  aantal: number;
  vergelekenMet: number | null;
  bestaatAl: boolean;
  verschil: CodelijstVerschil;
  /** Assignments running in `jaar` to a gemeente missing from the new list: staff must end them. */
  getroffenToewijzingen: { berichtgeverCode: string; berichtgeverNaam: string; gemeentecode: string }[];
}

export const EERSTE_JAAR = 2022;

export function geldigLijstJaar(jaar: number, nu: Date = new Date()): boolean {
  return Number.isInteger(jaar) && jaar >= EERSTE_JAAR && jaar <= nu.getUTCFullYear() + 1;
}

export async function codelijstVoorbeeld(
  db: Db | Tx,
  jaar: number,
  gemeenten: CodelijstGemeente[],
): Promise<CodelijstVoorbeeld> {
  const vorige = await codelijstUitDb(db, jaar - 1);
  const bestaatAl = (await db.gemeenteLijst.count({ where: { jaar } })) > 0;
  const codes = new Set(gemeenten.map((g) => g.code));
  const lopend = await db.berichtgeverGemeente.findMany({
    where: { vanafJaar: { lte: jaar }, OR: [{ totEnMetJaar: null }, { totEnMetJaar: { gte: jaar } }] },
    include: { berichtgever: { select: { code: true, naam: true } } },
    orderBy: [{ gemeentecode: "asc" }],
  });
  return {
    jaar,
    aantal: gemeenten.length,
    vergelekenMet: vorige.lijstJaar,
    bestaatAl,
    verschil: vergelijkCodelijst(vorige.gemeenten, gemeenten),
    getroffenToewijzingen: lopend
      .filter((t) => !codes.has(t.gemeentecode))
      .map((t) => ({
        berichtgeverCode: t.berichtgever.code,
        berichtgeverNaam: t.berichtgever.naam,
        gemeentecode: t.gemeentecode,
      })),
  };
}

/** Reads and checks an upload; ActieFout with every problem when it cannot be loaded. */
export function controleerCsv(tekst: string): CodelijstGemeente[] {
  if (Buffer.byteLength(tekst, "utf8") > MAX_CSV_BYTES) {
    throw new ActieFout(
      "bestand",
      "Het bestand is groter dan 1 MB; een gemeentelijst is veel kleiner. Kies het juiste bestand.",
    );
  }
  const { gemeenten, fouten } = leesCodelijstCsv(tekst);
  if (fouten.length) {
    const getoond = fouten.slice(0, 10);
    if (fouten.length > 10) getoond.push(`En nog ${fouten.length - 10} andere fouten.`);
    throw new ActieFout(getoond.map((bericht) => ({ veld: "bestand", bericht })));
  }
  return gemeenten;
}

/** Loads (or, with `vervang`, replaces) the list of `jaar`. */
export async function laadCodelijst(
  ctx: ActieContext,
  input: { jaar: number; csv: string; bestandsnaam: string; vervang: boolean },
): Promise<CodelijstVoorbeeld> {
  const gemeenten = controleerCsv(input.csv);
  const voorbeeld = await codelijstVoorbeeld(ctx.tx, input.jaar, gemeenten);
  if (voorbeeld.bestaatAl) {
    if (!input.vervang) {
      throw new ActieFout(
        "vervang",
        `Er is al een codelijst voor ${input.jaar} geladen. Vink aan dat u die wilt vervangen.`,
      );
    }
    // Gemeente rows go with their list (cascade); nothing else refers to them.
    await ctx.tx.gemeenteLijst.delete({ where: { jaar: input.jaar } });
  }
  await ctx.tx.gemeenteLijst.create({
    data: { jaar: input.jaar, bron: `upload ${input.bestandsnaam} door ${ctx.actor.email}`, geladenOp: ctx.nu },
  });
  await ctx.tx.gemeente.createMany({ data: gemeenten.map((g) => ({ jaar: input.jaar, ...g })) });
  ctx.audit({
    actie: voorbeeld.bestaatAl ? "codelijst.vervang" : "codelijst.laad",
    doelType: "gemeente_lijst",
    doelId: String(input.jaar),
    details: {
      jaar: input.jaar,
      bestandsnaam: input.bestandsnaam,
      aantal: gemeenten.length,
      toegevoegd: voorbeeld.verschil.toegevoegd.map((g) => g.code),
      verwijderd: voorbeeld.verschil.verwijderd.map((g) => g.code),
      hernoemd: voorbeeld.verschil.hernoemd.map((g) => g.code),
    },
  });
  return voorbeeld;
}
