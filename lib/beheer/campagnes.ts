import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { lijktPersoonsgegeven } from "@/lib/mail/wachtrij";
import { REGELS, type Regel } from "@/lib/swi/regels";
import { beheerLezing } from "./context";
import { type ActieContext, ActieFout, type Tx } from "@/lib/acties/context";
import { type Actor } from "@/lib/auth/actor";
import { portaalUrl } from "@/lib/http/adres";
import { type BeheerMail } from "./mail";

/**
 * Campaigns (guidelines 4.2.3): when a quality problem shows across many berichtgevers, staff pick
 * one or more rules, see per berichtgever how many signals of them its latest deliveries have,
 * write an explanation and mail every affected contact person their own counts. Counts come
 * from the stored spiegelrapport (signalenPerRegel), so no person-level data is read.
 */

/** The rules a delivery's spiegelrapport counts: person, previous-delivery and file signals. */
export const CAMPAGNE_REGELS: readonly Regel[] = REGELS.filter((r) => r.soort !== "technisch");
const CODES = new Set(CAMPAGNE_REGELS.map((r) => r.code as string));

export const regelcodesSchema = z
  .array(z.string().trim().toUpperCase())
  .min(1, "Kies ten minste één regel")
  .refine((c) => c.every((x) => CODES.has(x)), "Kies alleen regels uit de lijst");

export interface CampagneGemeente {
  gemeentecode: string;
  jaar: number;
  kwartaal: number;
  leveringId: string;
  perRegel: Record<string, number>;
  totaal: number;
}

export interface CampagneBerichtgever {
  berichtgever: { id: string; code: string; naam: string; actief: boolean };
  contactpersoon: string | null;
  gemeenten: CampagneGemeente[];
  perRegel: Record<string, number>;
  totaal: number;
}

interface LaatsteLevering {
  id: string;
  berichtgever_id: string;
  gemeentecode: string;
  statistiekjaar: number;
  statistiekkwartaal: number;
  per_regel: Record<string, number> | null;
}

/**
 * Per berichtgever (with any signal of `regels`), for each of its gemeenten the latest processed
 * delivery and its count per rule. Most affected first.
 */
export async function campagneVoorbeeld(
  actor: Actor,
  regels: readonly string[],
  db?: Db | Tx,
): Promise<CampagneBerichtgever[]> {
  db = beheerLezing(actor, db);
  const laatste = await db.$queryRaw<LaatsteLevering[]>`
    SELECT DISTINCT ON (berichtgever_id, gemeentecode)
           id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal,
           spiegelrapport -> 'signalenPerRegel' AS per_regel
      FROM levering
     WHERE status = 'VERWERKT' AND proef IS NULL AND gemeentecode IS NOT NULL AND statistiekjaar IS NOT NULL
       AND spiegelrapport IS NOT NULL
     ORDER BY berichtgever_id, gemeentecode, statistiekjaar DESC, statistiekkwartaal DESC, ontvangen_op DESC`;
  const per = new Map<string, CampagneGemeente[]>();
  for (const l of laatste) {
    const perRegel = Object.fromEntries(regels.map((r) => [r, Number(l.per_regel?.[r] ?? 0)]));
    const totaal = Object.values(perRegel).reduce((a, b) => a + b, 0);
    if (totaal === 0) continue;
    const g = {
      gemeentecode: l.gemeentecode,
      jaar: l.statistiekjaar,
      kwartaal: l.statistiekkwartaal,
      leveringId: l.id,
      perRegel,
      totaal,
    };
    const lijst = per.get(l.berichtgever_id);
    if (lijst) lijst.push(g);
    else per.set(l.berichtgever_id, [g]);
  }
  const berichtgevers = await db.berichtgever.findMany({
    where: { id: { in: [...per.keys()] } },
    include: { contactpersoon: { include: { user: { select: { email: true, actief: true } } } } },
  });
  return berichtgevers
    .map((b) => {
      const gemeenten = per.get(b.id)!.sort((x, y) => x.gemeentecode.localeCompare(y.gemeentecode));
      const perRegel = Object.fromEntries(
        regels.map((r) => [r, gemeenten.reduce((s, g) => s + (g.perRegel[r] ?? 0), 0)]),
      );
      const cp = b.contactpersoon?.user;
      return {
        berichtgever: { id: b.id, code: b.code, naam: b.naam, actief: b.actief },
        contactpersoon: cp?.actief ? cp.email : null,
        gemeenten,
        perRegel,
        totaal: gemeenten.reduce((s, g) => s + g.totaal, 0),
      };
    })
    .sort((a, b) => b.totaal - a.totaal || a.berichtgever.code.localeCompare(b.berichtgever.code));
}

export const campagneSchema = z.object({
  titel: z.string().trim().min(1, "Vul een titel in").max(120, "De titel mag hoogstens 120 tekens lang zijn"),
  toelichting: z
    .string()
    // A browser sends a textarea's line breaks as CRLF: one kind of line break, so paragraphs survive.
    .transform((t) => t.replace(/\r\n?/g, "\n"))
    .pipe(
      z
        .string()
        .trim()
        .min(
          20,
          "Schrijf een toelichting van ten minste 20 tekens: wat is het probleem en wat kan de berichtgever doen?",
        )
        .max(5000, "De toelichting mag hoogstens 5000 tekens lang zijn"),
    ),
  regels: regelcodesSchema,
});

/** Refuses a text that looks like it holds a BSN: mails never carry personal data. */
function weigerPersoonsgegevens(input: { titel: string; toelichting: string }): void {
  if (lijktPersoonsgegeven(`${input.titel}\n${input.toelichting}`)) {
    throw new ActieFout(
      "toelichting",
      "De tekst lijkt een BSN of ander nummer van 9 cijfers te bevatten. E-mails bevatten nooit persoonsgegevens; haal het nummer weg.",
    );
  }
}

/** The berichtgevers a campaign mails: active, with a contact person, and signals of its rules. */
async function campagneOntvangers(ctx: ActieContext, regels: readonly string[]) {
  const voorbeeld = await campagneVoorbeeld(ctx.actor, regels, ctx.tx);
  const ontvangers = voorbeeld.filter((v) => v.berichtgever.actief && v.contactpersoon);
  if (!ontvangers.length) {
    throw new ActieFout(
      "regels",
      "Geen enkele actieve berichtgever heeft signalen van deze regels in zijn laatste leveringen: er is niemand om te mailen.",
    );
  }
  return { voorbeeld, ontvangers };
}

/** Exactly the mail each recipient gets: the preview shows these, sending queues these. */
function campagneMail(o: CampagneBerichtgever, input: z.infer<typeof campagneSchema>): BeheerMail<"beheer-campagne"> {
  const naam = new Map(CAMPAGNE_REGELS.map((r) => [r.code as string, r.naam]));
  return {
    aan: o.contactpersoon!,
    sjabloon: "beheer-campagne",
    berichtgeverId: o.berichtgever.id,
    parameters: {
      berichtgeverCode: o.berichtgever.code,
      berichtgeverNaam: o.berichtgever.naam,
      titel: input.titel,
      toelichting: input.toelichting,
      regels: input.regels.map((code) => ({ code, naam: naam.get(code) ?? code, aantal: o.perRegel[code] ?? 0 })),
      totaal: o.totaal,
      url: portaalUrl(`/berichtgever/${o.berichtgever.code}/leveringen`),
    },
  };
}

/** Staff read every mail of a campaign before sending it. Nothing is stored or sent. */
export async function campagneMails(ctx: ActieContext, input: z.infer<typeof campagneSchema>) {
  weigerPersoonsgegevens(input);
  const { ontvangers } = await campagneOntvangers(ctx, input.regels);
  return ontvangers.map((o) => campagneMail(o, input));
}

export async function verstuurCampagne(ctx: ActieContext, input: z.infer<typeof campagneSchema>) {
  weigerPersoonsgegevens(input);
  const { voorbeeld, ontvangers } = await campagneOntvangers(ctx, input.regels);
  const campagne = await ctx.tx.campagne.create({
    data: {
      titel: input.titel,
      toelichting: input.toelichting,
      regels: input.regels,
      verstuurdOp: ctx.nu,
      aangemaaktDoorId: ctx.actor.userId,
    },
  });
  for (const o of ontvangers) {
    await ctx.tx.campagneOntvanger.create({
      data: {
        campagneId: campagne.id,
        berichtgeverId: o.berichtgever.id,
        email: o.contactpersoon!,
        aantalSignalen: o.totaal,
        perRegel: o.perRegel,
        leveringIds: o.gemeenten.map((g) => g.leveringId),
      },
    });
    await ctx.mail(campagneMail(o, input));
  }
  ctx.audit({
    actie: "campagne.verstuur",
    doelType: "campagne",
    doelId: campagne.id,
    details: {
      titel: input.titel,
      regels: input.regels,
      berichtgevers: ontvangers.map((o) => o.berichtgever.code),
      nietGemaild: voorbeeld.filter((v) => !ontvangers.includes(v)).map((v) => v.berichtgever.code),
    },
  });
  return { campagne, aantal: ontvangers.length };
}

export async function campagnes(actor: Actor) {
  return beheerLezing(actor).campagne.findMany({
    orderBy: { verstuurdOp: "desc" },
    include: { aangemaaktDoor: { select: { naam: true, email: true } }, _count: { select: { ontvangers: true } } },
  });
}

export async function campagneDetail(actor: Actor, id: string) {
  return beheerLezing(actor).campagne.findUnique({
    where: { id },
    include: {
      aangemaaktDoor: { select: { naam: true, email: true } },
      ontvangers: {
        include: { berichtgever: { select: { code: true, naam: true } } },
        orderBy: { aantalSignalen: "desc" },
      },
    },
  });
}
