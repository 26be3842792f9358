import { redirect } from "next/navigation";
import { vereisActor } from "@/lib/auth/actor";
import { startpadVoor } from "@/lib/berichtgevers/data";

export default async function Start() {
  const actor = await vereisActor();
  redirect((await startpadVoor(actor)) ?? "/geen-toegang");
}
