"use server";

import { redirect } from "next/navigation";
import { huidigeActor } from "@/lib/auth/actor";
import { beeindigAlleSessies } from "./uitloggen";

/** Only the form's own confirmation field makes it act: a bare call changes nothing. */
export async function overalUitloggen(formData: FormData): Promise<void> {
  if (formData.get("bevestig") !== "overal") return;
  const actor = await huidigeActor();
  if (actor) await beeindigAlleSessies(actor);
  redirect("/inloggen?uitgelogd=overal");
}
