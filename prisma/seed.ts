import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { zorgVoorDemoToken, type DemoTokenResultaat } from "@/lib/api-tokens/demo";

/**
 * Seed data, safe to run any number of times (nothing is duplicated or overwritten):
 * - seedGemeenten: the CBS gemeente lists in data/gemeenten/gemeenten-YYYY.csv. Reference data,
 *   fit for production. A year that is already loaded is left alone, so a list loaded later by
 *   CBS staff is never replaced by the shipped file.
 * - seedDemo: a CBS staff account and three berichtgevers with their contact persons, on
 *   .example.nl addresses, and an API token for berichtgever 0153 (the value of SWI_DEMO_TOKEN when
 *   set, else a random one, returned once so the caller can print it). For development and the
 *   embedded demo only, never for production.
 */

export interface SeedResultaat {
  gemeentelijstenGeladen: number[];
  gemeentelijstenAanwezig: number[];
  berichtgevers: string[];
  /** The demo API token of 0153; `token` is only set when this run made it. */
  demoApiToken: DemoTokenResultaat | null;
}

export interface SeedOpties {
  /** Folder with gemeenten-YYYY.csv; default data/gemeenten. */
  gemeentenDir?: string;
  /** Value for the demo API token; default the environment variable SWI_DEMO_TOKEN. */
  demoToken?: string;
}

interface GemeenteRegel {
  code: string;
  naam: string;
  provincie: string | null;
}

/** RFC 4180 fields: quoted names may contain commas ("Nuenen, Gerwen en Nederwetten"). */
function splitCsvRegel(regel: string): string[] {
  const velden: string[] = [];
  let huidig = "";
  let tussenAanhalingstekens = false;
  for (let i = 0; i < regel.length; i++) {
    const c = regel[i];
    if (tussenAanhalingstekens) {
      if (c === '"' && regel[i + 1] === '"') {
        huidig += '"';
        i++;
      } else if (c === '"') tussenAanhalingstekens = false;
      else huidig += c;
    } else if (c === '"') tussenAanhalingstekens = true;
    else if (c === ",") {
      velden.push(huidig);
      huidig = "";
    } else huidig += c;
  }
  velden.push(huidig);
  return velden;
}

export function leesGemeenteCsv(bestand: string): GemeenteRegel[] {
  const regels = fs
    .readFileSync(bestand, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((r) => r.trim() !== "");
  const [kop, ...data] = regels;
  if (kop?.trim() !== "gemeentecode,gemeentenaam,provincie") {
    throw new Error(`${bestand}: onverwachte kopregel "${kop}"`);
  }
  return data.map((regel, i) => {
    const [code = "", naam = "", provincie = ""] = splitCsvRegel(regel).map((v) => v.trim());
    if (!/^[0-9]{4}$/.test(code) || !naam) throw new Error(`${bestand} regel ${i + 2}: ongeldige gemeente "${regel}"`);
    return { code, naam, provincie: provincie || null };
  });
}

export function gemeentelijstBestanden(dir: string): { jaar: number; bestand: string }[] {
  return fs
    .readdirSync(dir)
    .map((naam) => /^gemeenten-(\d{4})\.csv$/.exec(naam))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ jaar: Number(m[1]), bestand: path.join(dir, m[0]) }))
    .sort((a, b) => a.jaar - b.jaar);
}

export async function seedGemeenten(
  db: PrismaClient,
  opties: SeedOpties = {},
): Promise<Pick<SeedResultaat, "gemeentelijstenGeladen" | "gemeentelijstenAanwezig">> {
  const dir = opties.gemeentenDir ?? path.join(process.cwd(), "data", "gemeenten");
  const geladen: number[] = [];
  const aanwezig: number[] = [];
  for (const { jaar, bestand } of gemeentelijstBestanden(dir)) {
    if (await db.gemeenteLijst.findUnique({ where: { jaar } })) {
      aanwezig.push(jaar);
      continue;
    }
    const gemeenten = leesGemeenteCsv(bestand);
    await db.$transaction([
      db.gemeenteLijst.create({ data: { jaar, bron: `data/gemeenten/${path.basename(bestand)}` } }),
      db.gemeente.createMany({ data: gemeenten.map((g) => ({ jaar, ...g })) }),
    ]);
    geladen.push(jaar);
  }
  return { gemeentelijstenGeladen: geladen, gemeentelijstenAanwezig: aanwezig };
}

interface DemoBerichtgever {
  code: string;
  naam: string;
  gemeenten: string[];
  contactpersoon: { naam: string; email: string; telefoon: string };
}

const DEMO_VANAF_JAAR = 2022;
const DEMO_CONTACTPERSOON_SINDS = new Date("2022-01-01T00:00:00Z");

export const DEMO_CBS_MEDEWERKER = { naam: "Femke de Vries", email: "beheer@cbs.example.nl", telefoon: "070 337 3800" };

export const DEMO_BERICHTGEVERS: readonly DemoBerichtgever[] = [
  {
    code: "0153",
    naam: "Gemeente Enschede",
    gemeenten: ["0153"],
    contactpersoon: { naam: "Sanne Kuipers", email: "contactpersoon@enschede.example.nl", telefoon: "053 481 2290" },
  },
  {
    code: "0363",
    naam: "Gemeente Amsterdam",
    gemeenten: ["0363"],
    contactpersoon: {
      naam: "Youssef El Idrissi",
      email: "contactpersoon@amsterdam.example.nl",
      telefoon: "020 251 7740",
    },
  },
  {
    // A regional service with its own code, which is no gemeente code at all.
    code: "9012",
    naam: "Inburgering Midden-Twente",
    gemeenten: ["0147", "0164", "1735"], // Borne, Hengelo, Hof van Twente
    contactpersoon: {
      naam: "Joris ter Horst",
      email: "contactpersoon@inburgering-middentwente.example.nl",
      telefoon: "074 245 9310",
    },
  },
];

export const DEMO_TOKEN_BERICHTGEVER = "0153";

export async function seedDemo(
  db: PrismaClient,
  opties: Pick<SeedOpties, "demoToken"> = {},
): Promise<Pick<SeedResultaat, "berichtgevers" | "demoApiToken">> {
  await db.user.upsert({
    where: { email: DEMO_CBS_MEDEWERKER.email },
    update: {},
    create: { ...DEMO_CBS_MEDEWERKER, rol: "CBS" },
  });

  for (const b of DEMO_BERICHTGEVERS) {
    await db.$transaction(async (tx) => {
      const berichtgever = await tx.berichtgever.upsert({
        where: { code: b.code },
        update: {},
        create: { code: b.code, naam: b.naam },
      });
      for (const gemeentecode of b.gemeenten) {
        const bestaand = await tx.berichtgeverGemeente.findFirst({
          where: { berichtgeverId: berichtgever.id, gemeentecode },
        });
        if (!bestaand) {
          await tx.berichtgeverGemeente.create({
            data: { berichtgeverId: berichtgever.id, gemeentecode, vanafJaar: DEMO_VANAF_JAAR },
          });
        }
      }
      const user = await tx.user.upsert({
        where: { email: b.contactpersoon.email },
        update: {},
        create: { ...b.contactpersoon, rol: "CONTACTPERSOON", berichtgeverId: berichtgever.id },
      });
      // A contact person registered since the last seed (another person) is kept.
      if (!(await tx.contactpersoon.findUnique({ where: { berichtgeverId: berichtgever.id } }))) {
        await tx.contactpersoon.create({
          data: { berichtgeverId: berichtgever.id, userId: user.id, sinds: DEMO_CONTACTPERSOON_SINDS },
        });
      }
      if (
        !(await tx.contactpersoonHistorie.findFirst({ where: { berichtgeverId: berichtgever.id, userId: user.id } }))
      ) {
        await tx.contactpersoonHistorie.create({
          data: {
            berichtgeverId: berichtgever.id,
            userId: user.id,
            naam: user.naam,
            email: user.email,
            telefoon: user.telefoon,
            van: DEMO_CONTACTPERSOON_SINDS,
          },
        });
      }
    });
  }
  const demoToken = opties.demoToken ?? (process.env.SWI_DEMO_TOKEN || undefined);
  const demoApiToken = await zorgVoorDemoToken(db, DEMO_TOKEN_BERICHTGEVER, demoToken);
  return { berichtgevers: DEMO_BERICHTGEVERS.map((b) => `${b.code} ${b.naam}`), demoApiToken };
}

/** Gemeente lists and demo accounts. */
export async function seed(db: PrismaClient, opties: SeedOpties = {}): Promise<SeedResultaat> {
  const gemeenten = await seedGemeenten(db, opties);
  const demo = await seedDemo(db, opties);
  return { ...gemeenten, ...demo };
}
