/**
 * The one signed-in-actor helper for tests that call route handlers or actions directly:
 * `vi.mock("@/lib/auth/actor")` puts this module in place of lib/auth/actor.ts (Vitest's
 * __mocks__ convention), and `meldAan(actor)` says who is signed in from then on. Everything
 * but "who is asking" is the real module: RECHTEN, heeftRecht, vereisRecht, the refusals.
 */
import { forbidden, redirect } from "next/navigation";
import { vi } from "vitest";
import type { Actor } from "../actor";

const echt = await vi.importActual<typeof import("../actor")>("../actor");

let aangemeld: Actor | null = null;

/** Who is signed in for the next requests; null: nobody. */
export function meldAan(actor: Actor | null): void {
  aangemeld = actor;
}

export async function huidigeActor(): Promise<Actor | null> {
  return aangemeld;
}

export async function vereisActor(): Promise<Actor> {
  if (!aangemeld) redirect("/inloggen");
  return aangemeld;
}

export async function vereisCbs(): Promise<Actor> {
  const actor = await vereisActor();
  if (!echt.heeftRecht(actor, "beheer")) forbidden();
  return actor;
}

export const { RECHTEN, WEIGERING, ROL_NAAM, heeftRecht, vereisRecht } = echt;
export type { Actor, Recht, Rol } from "../actor";
