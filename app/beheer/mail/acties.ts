"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { vereisCbs } from "@/lib/auth/actor";
import { schrijfAudit } from "@/lib/audit";
import { NietGevonden } from "@/lib/berichtgevers/toegang";
import { verstuurMailOpnieuw } from "@/lib/mail/wachtrij";

/** Staff: queue a failed mail again. */
export async function verstuurOpnieuwActie(formData: FormData): Promise<void> {
  const actor = await vereisCbs();
  const id = z.string().min(1).max(64).safeParse(formData.get("id"));
  let uitkomst = "niet-gevonden";
  if (id.success) {
    try {
      await verstuurMailOpnieuw(actor, id.data);
      await schrijfAudit({ actor, actie: "mail.opnieuw-versturen", doelType: "mail", doelId: id.data });
      uitkomst = "opnieuw";
    } catch (fout) {
      if (!(fout instanceof NietGevonden)) throw fout;
    }
  }
  revalidatePath("/beheer/mail");
  redirect(`/beheer/mail?melding=${uitkomst}`);
}
