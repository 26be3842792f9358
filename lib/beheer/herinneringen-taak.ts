import type PgBoss from "pg-boss";
import { verstuurAutomatischeHerinneringen } from "./herinneringen";
import { opnieuwBijDeadlock } from "@/lib/jobs/boss";

/**
 * The scheduled automatic reminder, as the worker registers it (lib/achtergrond/worker.ts). It runs
 * every hour of the working day; verstuurAutomatischeHerinneringen decides whether a reminder is
 * due and the database makes sure it goes out once per quarter, so a missed or repeated run does
 * no harm (a worker that was down at 8:00 sends at the next run).
 */
export const HERINNERING_WACHTRIJ = "herinnering.automatisch";
export const HERINNERING_SCHEMA = "5 8-17 * * *";

export async function registreerHerinneringTaak(boss: PgBoss, schema: string = HERINNERING_SCHEMA): Promise<void> {
  await opnieuwBijDeadlock(() =>
    boss.createQueue(HERINNERING_WACHTRIJ, {
      name: HERINNERING_WACHTRIJ,
      retryLimit: 3,
      retryDelay: 300,
      expireInSeconds: 900,
    }),
  );
  await boss.work(HERINNERING_WACHTRIJ, { batchSize: 1 }, async () => {
    const r = await verstuurAutomatischeHerinneringen(new Date());
    if (r.verstuurd)
      console.log(`[worker] automatische herinnering ${r.jaar} K${r.kwartaal}: ${r.aantalMails} e-mails`);
  });
  await opnieuwBijDeadlock(() => boss.schedule(HERINNERING_WACHTRIJ, schema, {}, { tz: "Europe/Amsterdam" }));
}
