/**
 * Test support (not a test file): a seeded database with deliveries in the shapes the pipeline
 * writes, so the read side can be tested without running the pipeline.
 */
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LeveringStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { metAppDatabase, type TestDatabase } from "@/lib/db/database.testhulp";
import { seed } from "@/prisma/seed";

export async function actorVan(db: PrismaClient, email: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { userId: u.id, email: u.email, naam: u.naam, rol: u.rol, berichtgeverId: u.berichtgeverId };
}

export interface Testwereld {
  cbs: Actor;
  contact0153: Actor;
  contact0363: Actor;
  backup0153: Actor;
  berichtgever: Record<"0153" | "0363" | "9012", string>;
}

/** The demo seed (0153, 0363, 9012 and a CBS user) plus a back-up user for 0153. */
export async function maakTestwereld(db: PrismaClient): Promise<Testwereld> {
  await seed(db, { demoToken: `swi_demo_${crypto.randomBytes(16).toString("hex")}` });
  const ids = Object.fromEntries(
    (await db.berichtgever.findMany({ select: { id: true, code: true } })).map((b) => [b.code, b.id]),
  ) as Testwereld["berichtgever"];
  await db.user.create({
    data: { email: "backup@enschede.example.nl", naam: "Bram Backup", rol: "BACKUP", berichtgeverId: ids["0153"] },
  });
  return {
    cbs: await actorVan(db, "beheer@cbs.example.nl"),
    contact0153: await actorVan(db, "contactpersoon@enschede.example.nl"),
    contact0363: await actorVan(db, "contactpersoon@amsterdam.example.nl"),
    backup0153: await actorVan(db, "backup@enschede.example.nl"),
    berichtgever: ids,
  };
}

export interface LeveringInvoer {
  berichtgeverId: string;
  gemeentecode?: string | null;
  statistiekjaar?: number | null;
  statistiekkwartaal?: number | null;
  status?: LeveringStatus;
  ontvangenOp?: Date;
  bestandsnaam?: string;
  controleGestartOp?: Date | null;
  verwerktOp?: Date | null;
  aantalFouten?: number | null;
  spiegelrapport?: object | null;
  vervangenDoorId?: string | null;
}

export async function maakLevering(db: PrismaClient, l: LeveringInvoer) {
  const gemeentecode = l.gemeentecode === undefined ? "0153" : l.gemeentecode;
  const jaar = l.statistiekjaar === undefined ? 2026 : l.statistiekjaar;
  const kwartaal = l.statistiekkwartaal === undefined ? 3 : l.statistiekkwartaal;
  const b = await db.berichtgever.findUniqueOrThrow({ where: { id: l.berichtgeverId } });
  return db.levering.create({
    data: {
      berichtgeverId: l.berichtgeverId,
      gemeentecode,
      statistiekjaar: jaar,
      statistiekkwartaal: kwartaal,
      bestandsnaam: l.bestandsnaam ?? `SWI_${b.code}_${gemeentecode ?? "0000"}_${jaar ?? 0}${kwartaal ?? 0}.XML`,
      grootte: 1234n,
      sha256: crypto.randomBytes(32).toString("hex"),
      ontvangenOp: l.ontvangenOp ?? new Date(),
      status: l.status ?? "ONTVANGEN",
      bron: "PORTAAL",
      controleGestartOp: l.controleGestartOp ?? null,
      verwerktOp: l.verwerktOp ?? null,
      aantalFouten: l.aantalFouten ?? null,
      spiegelrapport: (l.spiegelrapport ?? undefined) as never,
      vervangenDoorId: l.vervangenDoorId ?? null,
    },
  });
}

/**
 * Registers the set-up every read-side test file shares: a fresh migrated database that getDb()
 * uses (DATABASE_URL pointed at it, restored afterwards) and the seeded Testwereld. `klaar`
 * receives both once they exist.
 */
export function metTestwereld(klaar: (t: TestDatabase, w: Testwereld) => void): void {
  metAppDatabase(async (t) => klaar(t, await maakTestwereld(t.db)));
}
