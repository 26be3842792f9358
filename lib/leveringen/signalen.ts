import "server-only";
/**
 * Answering signals inside the portal (issue 13): the contact person gives each person-level signal
 * of a signaleringslijst a response ("klopt" with an explanation, "wordt hersteld", or a question
 * to CBS); CBS staff see the responses per berichtgever and per rule, answer questions and close
 * them. The next quarter's list leaves out what was answered "klopt" and says for every other
 * signal whether it was there last quarter and what the response was.
 *
 * What is kept, and for how long:
 * - `sleutel`: an HMAC of BSN, rule and values (lib/swi/signaalsleutel.ts, key from
 *   lib/storage/signaalsleutels.ts), kept with the response, so a later quarter recognises the
 *   signal without the portal holding the BSN;
 * - `inhoud`: BSN, kenmerken, values and message, encrypted and bound to the delivery, only as
 *   long as the list itself (14 days): lib/leveringen/opruimen.ts empties it with the files;
 * - the explanation, question and answer: encrypted like the error messages (they may quote a BSN),
 *   deleted with the delivery's other texts after the upload retention term.
 *
 * Audit: giving a response and answering are changes (the action frame audits them: ids, rule,
 * kind of response, never text). Seeing the page is no download: BSNs are not shown there (the
 * row number is the row in the downloaded list), so it is not audited.
 */
import { z } from "zod";
import { type ActieContext, ActieFout } from "@/lib/acties/context";
import type { Actor } from "@/lib/auth/actor";
import { beheerLezing } from "@/lib/beheer/context";
import { leveringFilter, tenantFilter } from "@/lib/berichtgevers/toegang";
import { getDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NietGevonden } from "@/lib/http/fouten";
import { signaalHmacSleutels } from "@/lib/storage/signaalsleutels";
import { tekstkluisUitOmgeving } from "@/lib/storage/tekstkluis";
import { regel as regelUitCatalogus } from "@/lib/swi/regels";
import { geordendeSignalen, leesIngevuldeReacties } from "@/lib/swi/signaleringslijst";
import { signaalSleutel, type SignaalReactieSoort, type VorigKwartaal } from "@/lib/swi/signaalsleutel";
import type { LeveringKop, RegelCode, Signaal } from "@/lib/swi/types";
import { maskeerBsns } from "./foutberichten";

export const SIGNALEN_PER_PAGINA = 50;
const REACTIES = ["KLOPT", "WORDT_HERSTELD", "VRAAG"] as const satisfies readonly SignaalReactieSoort[];
const IN_PER_KEER = 5000;

const kluis = () => tekstkluisUitOmgeving();
const inhoudContext = (leveringId: string) => `levering_signaal:${leveringId}`;
const tekstContext = (signaalId: string) => `levering_signaal_tekst:${signaalId}`;

// ---------------------------------------------------------------------------------------------
// In the processing pipeline (lib/leveringen/verwerking.ts)

export interface SignaalVoorbereiding {
  /** The signals for the list: those answered "klopt" before are left out. */
  signalen: Signaal[];
  onderdrukt: number;
  vorigKwartaal: (s: Signaal) => VorigKwartaal | undefined;
  sleutel: (s: Signaal) => string;
}

const kwartaalIndex = (jaar: number, kwartaal: number) => jaar * 4 + kwartaal;

/**
 * Looks up the earlier responses of the same berichtgever to the same signals (by sleutel, under
 * the current and every old master key).
 */
export async function bereidSignalenVoor(
  db: Db,
  levering: { id: string; berichtgeverId: string },
  kop: LeveringKop,
  signals: readonly Signaal[],
  sleutels: readonly Buffer[] = signaalHmacSleutels(),
): Promise<SignaalVoorbereiding> {
  const perSignaal = new Map<Signaal, string[]>(signals.map((s) => [s, sleutels.map((k) => signaalSleutel(k, s))]));
  const alle = [...new Set([...perSignaal.values()].flat())];
  const hier = kwartaalIndex(kop.statistiekjaar, kop.statistiekkwartaal);
  const klopt = new Set<string>();
  const vorig = new Map<string, VorigKwartaal>();
  for (let i = 0; i < alle.length; i += IN_PER_KEER) {
    const rijen = await db.leveringSignaal.findMany({
      where: {
        berichtgeverId: levering.berichtgeverId,
        sleutel: { in: alle.slice(i, i + IN_PER_KEER) },
        leveringId: { not: levering.id },
      },
      select: {
        sleutel: true,
        reactie: true,
        levering: { select: { gemeentecode: true, statistiekjaar: true, statistiekkwartaal: true, status: true } },
      },
    });
    for (const r of rijen) {
      const l = r.levering;
      if (l.statistiekjaar === null || l.statistiekkwartaal === null) continue;
      const daar = kwartaalIndex(l.statistiekjaar, l.statistiekkwartaal);
      if (r.reactie === "KLOPT" && daar <= hier) klopt.add(r.sleutel);
      if (daar === hier - 1 && l.gemeentecode === kop.gemeentecode && l.status !== "AFGEKEURD") {
        // Of the previous quarter's deliveries (a herlevering), a response counts over none.
        if (!vorig.get(r.sleutel)?.reactie) vorig.set(r.sleutel, { reactie: r.reactie });
      }
    }
  }
  const signalen = signals.filter((s) => !perSignaal.get(s)!.some((k) => klopt.has(k)));
  return {
    signalen,
    onderdrukt: signals.length - signalen.length,
    vorigKwartaal: (s) => {
      for (const k of perSignaal.get(s) ?? []) {
        const v = vorig.get(k);
        if (v) return v;
      }
      return undefined;
    },
    sleutel: (s) => perSignaal.get(s)?.[0] ?? signaalSleutel(sleutels[0]!, s),
  };
}

export type NieuwSignaal = Omit<Prisma.LeveringSignaalCreateManyInput, "leveringId" | "berichtgeverId">;

/** The rows to store, numbered in the list's order, the person's data encrypted. */
export function signaalRegels(leveringId: string, voorbereiding: SignaalVoorbereiding): NieuwSignaal[] {
  const k = kluis();
  return geordendeSignalen({ signals: voorbereiding.signalen, vorigKwartaal: voorbereiding.vorigKwartaal }).map(
    ({ signaal: s, rij }, i) => {
      const v = voorbereiding.vorigKwartaal(s);
      return {
        volgnummer: i + 1,
        regel: s.rule,
        ernst: s.severity,
        sleutel: voorbereiding.sleutel(s),
        inhoud: k.versleutel(
          JSON.stringify({ bsn: s.bsn, kenmerken: rij.kenmerken, waarden: s.waarden, toelichting: s.message }),
          inhoudContext(leveringId),
        ),
        vorigKwartaal: v !== undefined,
        vorigeReactie: v?.reactie ?? null,
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The berichtgever's view and response

interface Inhoud {
  bsn: string;
  kenmerken: string;
  waarden: string;
  toelichting: string;
}

function leesInhoud(opgeslagen: string | null, leveringId: string): Inhoud | null {
  if (!opgeslagen) return null;
  return JSON.parse(kluis().ontsleutel(opgeslagen, inhoudContext(leveringId))) as Inhoud;
}

const leesTekst = (t: string | null, signaalId: string) => (t ? kluis().ontsleutel(t, tekstContext(signaalId)) : null);

export interface SignaalWeergave {
  id: string;
  volgnummer: number;
  regel: string;
  omschrijvingRegel: string;
  ernst: string;
  /** Without BSN; null after the list expired. */
  kenmerken: string | null;
  waarden: string | null;
  bericht: string | null;
  vorigKwartaal: boolean;
  vorigeReactie: SignaalReactieSoort | null;
  gemarkeerd: boolean;
  reactie: SignaalReactieSoort | null;
  toelichting: string | null;
  reactieDoor: string | null;
  reactieOp: Date | null;
  antwoord: string | null;
  antwoordOp: Date | null;
  geslotenOp: Date | null;
}

export interface SignalenPagina {
  signalen: SignaalWeergave[];
  totaal: number;
  beantwoord: number;
  pagina: number;
  paginas: number;
}

const omschrijving = (code: string) => {
  try {
    return regelUitCatalogus(code as RegelCode).omschrijving;
  } catch {
    return code;
  }
};

/** A text without any nine-digit number: values and messages may quote the BSN. */
const zonderBsn = (tekst: string) => maskeerBsns({ kenmerk: null, regel: "", bericht: tekst });

function weergave(r: Prisma.LeveringSignaalGetPayload<object>, metToelichting: boolean): SignaalWeergave {
  const inhoud = leesInhoud(r.inhoud, r.leveringId);
  return {
    id: r.id,
    volgnummer: r.volgnummer,
    regel: r.regel,
    omschrijvingRegel: omschrijving(r.regel),
    ernst: r.ernst,
    kenmerken: inhoud?.kenmerken ?? null,
    waarden: inhoud ? zonderBsn(inhoud.waarden) : null,
    bericht: inhoud ? zonderBsn(inhoud.toelichting) : null,
    vorigKwartaal: r.vorigKwartaal,
    vorigeReactie: r.vorigeReactie,
    gemarkeerd: r.vorigeReactie === "WORDT_HERSTELD",
    reactie: r.reactie,
    toelichting: metToelichting ? leesTekst(r.toelichting, r.id) : null,
    reactieDoor: r.reactieDoor,
    reactieOp: r.reactieOp,
    antwoord: metToelichting ? leesTekst(r.antwoord, r.id) : null,
    antwoordOp: r.antwoordOp,
    geslotenOp: r.geslotenOp,
  };
}

/** One page of a delivery's signals, for whoever may see the delivery. */
export async function signalenVanLevering(
  actor: Actor,
  leveringId: string,
  opties: { code?: string; pagina?: number } = {},
): Promise<SignalenPagina> {
  const db = getDb();
  const l = await db.levering.findFirst({
    where: {
      id: leveringId,
      // Staff never see a proeflevering, its signals included.
      ...leveringFilter(actor),
      ...(opties.code !== undefined ? { berichtgever: { code: opties.code } } : {}),
    },
    select: { id: true },
  });
  if (!l) throw new NietGevonden();
  const [totaal, beantwoord] = await Promise.all([
    db.leveringSignaal.count({ where: { leveringId } }),
    db.leveringSignaal.count({ where: { leveringId, reactie: { not: null } } }),
  ]);
  const paginas = Math.max(1, Math.ceil(totaal / SIGNALEN_PER_PAGINA));
  const pagina = Math.min(Math.max(1, opties.pagina ?? 1), paginas);
  const rijen = await db.leveringSignaal.findMany({
    where: { leveringId },
    orderBy: { volgnummer: "asc" },
    skip: (pagina - 1) * SIGNALEN_PER_PAGINA,
    take: SIGNALEN_PER_PAGINA,
  });
  return { signalen: rijen.map((r) => weergave(r, true)), totaal, beantwoord, pagina, paginas };
}

const TOELICHTING_MAX = 2000;

export const reactieSchema = z
  .object({
    signaalId: z.string().min(1).max(64),
    reactie: z.enum(REACTIES, "Kies een reactie"),
    toelichting: z
      .string()
      .trim()
      .max(TOELICHTING_MAX, `De toelichting mag hoogstens ${TOELICHTING_MAX} tekens lang zijn`)
      .default(""),
  })
  .superRefine((i, ctx) => {
    if (i.reactie !== "WORDT_HERSTELD" && i.toelichting === "") {
      ctx.addIssue({
        code: "custom",
        path: ["toelichting"],
        message:
          i.reactie === "KLOPT" ? "Leg uit waarom het signaal klopt" : "Schrijf uw vraag aan het CBS in de toelichting",
      });
    }
  });

/** The contact person's response; another berichtgever's signal is "niet gevonden". */
export async function beantwoordSignaal(ctx: ActieContext, input: z.output<typeof reactieSchema>): Promise<void> {
  const s = await ctx.tx.leveringSignaal.findFirst({
    where: { id: input.signaalId, levering: tenantFilter(ctx.actor) },
    select: { id: true, leveringId: true, berichtgeverId: true, volgnummer: true, regel: true },
  });
  if (!s) throw new NietGevonden();
  await ctx.tx.leveringSignaal.update({
    where: { id: s.id },
    data: {
      reactie: input.reactie,
      toelichting: input.toelichting ? kluis().versleutel(input.toelichting, tekstContext(s.id)) : null,
      reactieDoor: ctx.actor.naam,
      reactieOp: ctx.nu,
      // A new question opens the conversation again.
      ...(input.reactie === "VRAAG" ? { geslotenOp: null } : {}),
    },
  });
  ctx.audit({
    actie: "signaal.beantwoord",
    doelType: "levering_signaal",
    doelId: s.id,
    berichtgeverId: s.berichtgeverId,
    details: { leveringId: s.leveringId, nr: s.volgnummer, regel: s.regel, reactie: input.reactie },
  });
}

/** Next's limit for a server action's body (1 MB by default) is the real bound; this says it in Dutch. */
const MAX_REACTIEBESTAND = 1024 * 1024;

export const reactiebestandSchema = z.object({
  leveringId: z.string().min(1).max(64),
  bestand: z
    .instanceof(File, { message: "Kies het ingevulde Excel-bestand" })
    .refine((f) => f.size > 0, "Kies het ingevulde Excel-bestand; het gekozen bestand is leeg")
    .refine(
      (f) => f.size <= MAX_REACTIEBESTAND,
      "Het bestand is groter dan 1 MB; reageer dan per signaal op deze pagina",
    ),
});

/**
 * The responses filled in on the downloaded XLSX, uploaded back: all or nothing, so a file with a
 * mistake changes nothing and the person fixes it and uploads again. The file is read in memory and
 * not kept (it holds BSNs). Returns how many responses were recorded.
 */
export async function verwerkReactiebestand(
  ctx: ActieContext,
  input: { leveringId: string; xlsx: Buffer },
): Promise<number> {
  const l = await ctx.tx.levering.findFirst({
    where: { id: input.leveringId, ...tenantFilter(ctx.actor) },
    select: { id: true, berichtgeverId: true },
  });
  if (!l) throw new NietGevonden();
  const { reacties, fouten } = await leesIngevuldeReacties(input.xlsx);
  const signalen = await ctx.tx.leveringSignaal.findMany({
    where: { leveringId: l.id, volgnummer: { in: reacties.map((r) => r.nr) } },
    select: { id: true, volgnummer: true },
  });
  const perNr = new Map(signalen.map((s) => [s.volgnummer, s.id]));
  for (const r of reacties) if (!perNr.has(r.nr)) fouten.push(`Nr ${r.nr} is geen signaal van deze levering.`);
  if (fouten.length > 0) {
    const meer = fouten.length > 5 ? ` En nog ${fouten.length - 5} meer.` : "";
    throw new ActieFout("bestand", `Er is niets opgeslagen. ${fouten.slice(0, 5).join(" ")}${meer}`);
  }
  if (reacties.length === 0) throw new ActieFout("bestand", "Er is in de kolom Reactie niets ingevuld.");
  const k = kluis();
  for (const r of reacties) {
    const id = perNr.get(r.nr)!;
    await ctx.tx.leveringSignaal.update({
      where: { id },
      data: {
        reactie: r.reactie,
        toelichting: r.toelichting ? k.versleutel(r.toelichting, tekstContext(id)) : null,
        reactieDoor: ctx.actor.naam,
        reactieOp: ctx.nu,
        ...(r.reactie === "VRAAG" ? { geslotenOp: null } : {}),
      },
    });
  }
  ctx.audit({
    actie: "signaal.reacties-geupload",
    doelType: "levering",
    doelId: l.id,
    berichtgeverId: l.berichtgeverId,
    details: { aantal: reacties.length },
  });
  return reacties.length;
}

// ---------------------------------------------------------------------------------------------
// CBS staff

export const antwoordSchema = z.object({
  signaalId: z.string().min(1).max(64),
  antwoord: z
    .string()
    .trim()
    .max(TOELICHTING_MAX, `Het antwoord mag hoogstens ${TOELICHTING_MAX} tekens lang zijn`)
    .default(""),
  sluiten: z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean()),
});

export async function beantwoordVraag(ctx: ActieContext, input: z.output<typeof antwoordSchema>): Promise<void> {
  const tx = beheerLezing(ctx.actor, ctx.tx);
  const s = await tx.leveringSignaal.findUnique({
    where: { id: input.signaalId },
    select: { id: true, leveringId: true, berichtgeverId: true, volgnummer: true, regel: true, reactie: true },
  });
  if (!s || s.reactie === null) throw new NietGevonden();
  if (input.antwoord === "" && !input.sluiten) {
    throw new ActieFout("antwoord", "Schrijf een antwoord, of kies 'Sluiten'.");
  }
  await tx.leveringSignaal.update({
    where: { id: s.id },
    data: {
      ...(input.antwoord
        ? {
            antwoord: kluis().versleutel(input.antwoord, tekstContext(s.id)),
            antwoordDoor: ctx.actor.naam,
            antwoordOp: ctx.nu,
          }
        : {}),
      ...(input.sluiten ? { geslotenOp: ctx.nu } : {}),
    },
  });
  ctx.audit({
    actie: input.sluiten ? "signaal.gesloten" : "signaal.vraag-beantwoord",
    doelType: "levering_signaal",
    doelId: s.id,
    berichtgeverId: s.berichtgeverId,
    details: { leveringId: s.leveringId, nr: s.volgnummer, regel: s.regel, antwoord: input.antwoord !== "" },
  });
}

export interface Telling {
  sleutel: string;
  label: string;
  KLOPT: number;
  WORDT_HERSTELD: number;
  VRAAG: number;
  open: number;
}

export interface ReactieRij extends SignaalWeergave {
  berichtgever: { code: string; naam: string };
  levering: { id: string; bestandsnaam: string };
}

export interface SignaalOverzicht {
  perBerichtgever: Telling[];
  perRegel: Telling[];
  reacties: ReactieRij[];
  filter: { berichtgever?: string; regel?: string; open: boolean };
}

export const overzichtFilterSchema = z.object({
  berichtgever: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
  regel: z
    .string()
    .regex(/^[A-Z]\d{2}$/)
    .optional()
    .catch(undefined),
  open: z
    .preprocess((v) => v === "1", z.boolean())
    .optional()
    .catch(false),
});

const MAX_REACTIES = 200;

/** Responses per berichtgever and per rule, and the responses themselves (filtered), newest first. */
export async function signaalOverzicht(
  actor: Actor,
  filter: z.output<typeof overzichtFilterSchema>,
): Promise<SignaalOverzicht> {
  const db = beheerLezing(actor);
  const berichtgevers = await db.berichtgever.findMany({ select: { id: true, code: true, naam: true } });
  const perId = new Map(berichtgevers.map((b) => [b.id, b]));
  // A proeflevering is the berichtgever's own trial: its responses are not for staff.
  const metReactie = { reactie: { not: null }, levering: { proef: null } } as const;

  const tel = (
    rijen: { k: string; reactie: SignaalReactieSoort | null; geslotenOp: Date | null; n: number }[],
    label: (k: string) => string,
  ) => {
    const m = new Map<string, Telling>();
    for (const r of rijen) {
      if (!r.reactie) continue;
      const t = m.get(r.k) ?? { sleutel: r.k, label: label(r.k), KLOPT: 0, WORDT_HERSTELD: 0, VRAAG: 0, open: 0 };
      t[r.reactie] += r.n;
      if (r.reactie === "VRAAG" && r.geslotenOp === null) t.open += r.n;
      m.set(r.k, t);
    }
    return [...m.values()].sort((a, b) => (a.sleutel < b.sleutel ? -1 : 1));
  };
  const groepen = await db.leveringSignaal.groupBy({
    by: ["berichtgeverId", "regel", "reactie", "geslotenOp"],
    where: metReactie,
    _count: { _all: true },
  });
  const perBerichtgever = tel(
    groepen.map((g) => ({
      k: perId.get(g.berichtgeverId)?.code ?? "?",
      reactie: g.reactie,
      geslotenOp: g.geslotenOp,
      n: g._count._all,
    })),
    (code) => {
      const b = berichtgevers.find((x) => x.code === code);
      return b ? `${b.code} ${b.naam}` : code;
    },
  );
  const perRegel = tel(
    groepen.map((g) => ({ k: g.regel, reactie: g.reactie, geslotenOp: g.geslotenOp, n: g._count._all })),
    (code) => `${code} ${omschrijving(code)}`,
  );

  const gekozen = filter.berichtgever ? berichtgevers.find((b) => b.code === filter.berichtgever) : undefined;
  const rijen = await db.leveringSignaal.findMany({
    where: {
      ...metReactie,
      ...(filter.berichtgever ? { berichtgeverId: gekozen?.id ?? "-" } : {}),
      ...(filter.regel ? { regel: filter.regel } : {}),
      ...(filter.open ? { reactie: "VRAAG", geslotenOp: null } : {}),
    },
    orderBy: { reactieOp: "desc" },
    take: MAX_REACTIES,
    include: { levering: { select: { id: true, bestandsnaam: true } } },
  });
  return {
    perBerichtgever,
    perRegel,
    reacties: rijen.map((r) => {
      const b = perId.get(r.berichtgeverId);
      return {
        ...weergave(r, true),
        berichtgever: { code: b?.code ?? "?", naam: b?.naam ?? "" },
        levering: r.levering,
      };
    }),
    filter: { berichtgever: filter.berichtgever, regel: filter.regel, open: filter.open ?? false },
  };
}
