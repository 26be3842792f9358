"use server";

import { revalidatePath } from "next/cache";
import { forbidden, notFound, redirect } from "next/navigation";
import { GeenRecht, maakApiToken, tokenNaamSchema, trekApiTokenIn } from "@/lib/api-tokens/beheer";
import { vereisActor } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/berichtgevers/toegang";

export type MaakTokenToestand =
  | { soort: "leeg" }
  | { soort: "fout"; bericht: string; naam: string }
  | { soort: "gemaakt"; token: string; naam: string; prefix: string };

function pagina(code: string): string {
  return `/berichtgever/${code}/api-tokens`;
}

async function metToegang<T>(werk: () => Promise<T>): Promise<T> {
  try {
    return await werk();
  } catch (e) {
    if (e instanceof NietGevonden) notFound();
    if (e instanceof GeenRecht) forbidden();
    throw e;
  }
}

export async function maakTokenActie(
  code: string,
  _vorige: MaakTokenToestand,
  formulier: FormData,
): Promise<MaakTokenToestand> {
  const actor = await vereisActor();
  const invoer = String(formulier.get("naam") ?? "");
  const naam = tokenNaamSchema.safeParse(invoer);
  if (!naam.success)
    return { soort: "fout", bericht: naam.error.issues[0]?.message ?? "Vul een naam in", naam: invoer };
  const gemaakt = await metToegang(() => maakApiToken(actor, code, naam.data));
  revalidatePath(pagina(code));
  return { soort: "gemaakt", token: gemaakt.token, naam: gemaakt.naam, prefix: gemaakt.prefix };
}

export async function trekTokenInActie(code: string, formulier: FormData): Promise<void> {
  const actor = await vereisActor();
  const tokenId = String(formulier.get("tokenId") ?? "");
  await metToegang(() => trekApiTokenIn(actor, code, tokenId));
  revalidatePath(pagina(code));
  redirect(`${pagina(code)}?ingetrokken=${encodeURIComponent(tokenId)}`);
}
