/**
 * Delivery statuses as people read them. No server imports: the live status components in the
 * browser use this too.
 */
import type { LeveringStatus } from "@/lib/generated/prisma/enums";

export type { LeveringStatus };

export const STATUS_TEKST: Record<LeveringStatus, string> = {
  ONTVANGEN: "Ontvangen",
  TECHNISCHE_CONTROLE: "Technische controle",
  AFGEKEURD: "Afgekeurd",
  STATISTISCHE_CONTROLE: "Statistische controle",
  VERWERKT: "Verwerkt",
  VERVANGEN: "Vervangen",
};

/** Statuses after which nothing happens to a delivery any more: polling may stop. */
const EINDSTATUSSEN: ReadonlySet<string> = new Set<LeveringStatus>(["AFGEKEURD", "VERWERKT", "VERVANGEN"]);

export function isEindstatus(status: string): boolean {
  return EINDSTATUSSEN.has(status);
}

export function statusTekst(status: string): string {
  return STATUS_TEKST[status as LeveringStatus] ?? status;
}
