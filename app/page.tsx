import { redirect } from "next/navigation";
import { huidigeActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";

export default async function Start() {
  const actor = await huidigeActor();
  if (!actor) redirect("/inloggen");
  if (actor.rol === "CBS") redirect("/beheer");
  const b = actor.berichtgeverId
    ? await getDb().berichtgever.findUnique({ where: { id: actor.berichtgeverId }, select: { code: true } })
    : null;
  if (!b) redirect("/geen-toegang");
  redirect(`/berichtgever/${b.code}`);
}
