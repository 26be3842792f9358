import type { Actor } from "@/lib/auth/actor";
import { closeDb } from "@/lib/db/client";
import { maakTestDatabase, type TestDatabase } from "@/lib/db/database.testhulp";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_CBS_MEDEWERKER, seed } from "@/prisma/seed";
import { voerBeheerUit } from "./context";
import type { ActieContext } from "@/lib/acties/context";
import type { BeheerMail, Mailer } from "./mail";

/**
 * A seeded test database that getDb() also uses (DATABASE_URL points at it while it lives),
 * with the environment lib/env needs. One per test file.
 */
export interface BeheerTest {
  t: TestDatabase;
  db: PrismaClient;
  cbs: Actor;
  actorVan(email: string): Promise<Actor>;
  /** Mails the changes queued (instead of the real queue), oldest first. */
  mails: BeheerMail[];
  /** Runs a staff change as `actor` (default the seeded CBS staff member). */
  als<T>(werk: (ctx: ActieContext) => Promise<T>, actor?: Actor, nu?: Date): Promise<T>;
  close(): Promise<void>;
}

/**
 * Instead of the queue: the mail is recorded in mail_bericht within the change's transaction (so
 * it is gone when the change rolls back, as with the real queue) and pushed onto `mails`.
 */
export function testMailer(mails: BeheerMail[] = []): Mailer {
  return {
    async zet(tx, m) {
      await tx.mailBericht.create({
        data: {
          aan: m.aan,
          onderwerp: m.sjabloon,
          sjabloon: m.sjabloon,
          parameters: m.parameters as never,
          berichtgeverId: m.berichtgeverId ?? null,
        },
      });
      mails.push(m);
    },
    // As the real queue, without its job: the status change is what a staff member sees.
    async opnieuw(tx, id) {
      const { count } = await tx.mailBericht.updateMany({
        where: { id, status: "MISLUKT" },
        data: { status: "WACHTRIJ" },
      });
      return count > 0;
    },
  };
}

export async function beheerTest(): Promise<BeheerTest> {
  const serverUrl = process.env.DATABASE_URL;
  const t = await maakTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "test-geheim-alleen-voor-tests-0123456789abcdef";
  process.env.APP_URL ??= "http://portaal.test";
  process.env.SWI_EMBEDDED ??= "1";
  await seed(t.db);
  const actorVan = async (email: string): Promise<Actor> => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { userId: u.id, email: u.email, naam: u.naam, rol: u.rol, berichtgeverId: u.berichtgeverId };
  };
  const cbs = await actorVan(DEMO_CBS_MEDEWERKER.email);
  const mails: BeheerMail[] = [];
  return {
    t,
    db: t.db,
    cbs,
    actorVan,
    mails,
    als: (werk, actor = cbs, nu) => voerBeheerUit(actor, werk, { db: t.db, nu, mailer: testMailer(mails) }),
    async close() {
      await closeDb();
      await t.close();
      if (serverUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = serverUrl;
    },
  };
}
