import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { vereisActor, vereisCbs, vereisRecht, type Actor, type Recht } from "@/lib/auth/actor";
import { herkomst, type Herkomst } from "@/lib/client-adres";
import { paginaVoorFout } from "@/lib/http/pagina";
import { PortaalFout } from "@/lib/http/fouten";
import { ActieFout, voerActieUit, type ActieContext, type VeldFout } from "./context";

/**
 * The one wrapper every server action goes through, in two kinds: `cbsActie` for CBS staff (anyone
 * else gets the 403 page, also when posting to the action directly) and `berichtgeverActie` for a
 * berichtgever's own people (the change itself decides the tenant: another berichtgever's data is
 * the not-found page). Both check the input with zod, run the change with its audit entries and
 * mails in one transaction (lib/acties/context.ts), and give Dutch field errors back to the form
 * in one shape (ActieToestand).
 */

export type ActieToestand<G = unknown> =
  | { status: "leeg" }
  | { status: "fout"; fouten: VeldFout[]; waarden: Record<string, string> }
  | { status: "ok"; melding: string; gegevens?: G; waarden?: Record<string, string> };

export const LEGE_TOESTAND: ActieToestand<never> = { status: "leeg" };

export interface ActieUitkomst<G = unknown> {
  /** Shown above the form after success. */
  melding?: string;
  /** Go here after success (a new page, e.g. the berichtgever just created). */
  naar?: string;
  /** Data for the form to show (a preview). */
  gegevens?: G;
  /** Keep the entered values in the form (a preview step). */
  behoudWaarden?: boolean;
  /** The page to show fresh after the change, when it depends on the input (a berichtgever's page). */
  vernieuw?: string;
}

export type FormulierActie<G = unknown> = (vorige: ActieToestand<G>, formData: FormData) => Promise<ActieToestand<G>>;

/** FormData as a plain object: repeated keys become arrays, files stay File, Next's own fields go. */
export function formulierNaarObject(formData: FormData): Record<string, unknown> {
  const uit: Record<string, unknown> = {};
  for (const sleutel of new Set(formData.keys())) {
    if (sleutel.startsWith("$ACTION")) continue;
    const waarden = formData.getAll(sleutel);
    uit[sleutel] = waarden.length === 1 ? waarden[0] : waarden;
  }
  return uit;
}

function tekstWaarden(formData: FormData): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === "string" && !k.startsWith("$ACTION") && !(k in uit)) uit[k] = v;
  }
  return uit;
}

/** One message per field (the first), in form order; the field id is the zod path joined by "-". */
export function zodNaarVeldFouten(error: z.ZodError): VeldFout[] {
  const gezien = new Set<string>();
  const fouten: VeldFout[] = [];
  for (const issue of error.issues) {
    const veld = issue.path.length ? issue.path.map(String).join("-") : "formulier";
    if (gezien.has(veld)) continue;
    gezien.add(veld);
    fouten.push({ veld, bericht: issue.message });
  }
  return fouten;
}

async function herkomstVanVerzoek(): Promise<Herkomst> {
  return herkomst(await headers());
}

interface ActieOpties {
  /** The work sends mail: the queue is made ready before the transaction opens. */
  metMail?: boolean;
  /** The work sends background jobs: the queue is made ready before the transaction opens. */
  metTaken?: boolean;
  /** The right the role needs (RECHTEN); checked before the input is read. */
  recht?: Recht;
  /** Pages to show fresh after the change (default: the staff pages, for a staff action). */
  vernieuw?: string;
}

type Werk<S extends z.ZodType, G> = (input: z.output<S>, ctx: ActieContext) => Promise<ActieUitkomst<G> | void>;

function formulierActie<S extends z.ZodType, G>(
  wie: () => Promise<Actor>,
  schema: S,
  werk: Werk<S, G>,
  opties: ActieOpties,
): FormulierActie<G> {
  return async (_vorige, formData) => {
    const actor = await wie();
    if (opties.recht) {
      try {
        vereisRecht(actor, opties.recht);
      } catch (e) {
        paginaVoorFout(e);
      }
    }
    const waarden = tekstWaarden(formData);
    const parsed = schema.safeParse(formulierNaarObject(formData));
    if (!parsed.success) return { status: "fout", fouten: zodNaarVeldFouten(parsed.error), waarden };
    let uitkomst: ActieUitkomst<G> | void;
    try {
      uitkomst = await voerActieUit(actor, (ctx) => werk(parsed.data, ctx), {
        herkomst: await herkomstVanVerzoek(),
        metMail: opties.metMail,
        metTaken: opties.metTaken,
      });
    } catch (e) {
      if (e instanceof ActieFout) return { status: "fout", fouten: e.fouten, waarden };
      if (e instanceof PortaalFout) paginaVoorFout(e);
      throw e;
    }
    if (opties.vernieuw) revalidatePath(opties.vernieuw, "layout");
    if (uitkomst?.vernieuw) revalidatePath(uitkomst.vernieuw);
    // redirect() throws; it must stay outside the try above.
    if (uitkomst?.naar) redirect(uitkomst.naar);
    return {
      status: "ok",
      melding: uitkomst?.melding ?? "Opgeslagen.",
      gegevens: uitkomst?.gegevens,
      waarden: uitkomst?.behoudWaarden ? waarden : undefined,
    };
  };
}

/** A staff change (CBS only). */
export function cbsActie<S extends z.ZodType, G = unknown>(
  schema: S,
  werk: Werk<S, G>,
  opties: Omit<ActieOpties, "recht"> = {},
): FormulierActie<G> {
  return formulierActie(vereisCbs, schema, werk, { vernieuw: "/beheer", ...opties });
}

/** A change by a berichtgever's contact person or back-up user (or CBS staff on their behalf). */
export function berichtgeverActie<S extends z.ZodType, G = unknown>(
  schema: S,
  werk: Werk<S, G>,
  opties: ActieOpties = {},
): FormulierActie<G> {
  return formulierActie(vereisActor, schema, werk, opties);
}

/** A checkbox group or multi-select: one value arrives as a string, several as an array, none as nothing. */
export function lijstVan<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** A checkbox: present ("on") or absent. */
export const vinkje = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());

/** An optional text field: empty becomes undefined. */
export function optioneel<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
}
