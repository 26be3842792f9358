"use server";

import { z } from "zod";
import { berichtgeverCodeSchema, gemeentecodeSchema } from "@/lib/db/validation";
import { cbsActie, vinkje } from "@/lib/acties/formulier";
import { activeerBerichtgever, deactiveerBerichtgever, maakBerichtgever, wijzigBerichtgever } from "./berichtgevers";
import { vervangContactpersoon, verwijderBackup, voegBackupToe, wijzigGegevens } from "./contactpersonen";
import { emailSchema, naamSchema, telefoonSchema } from "./gebruikers";
import { beeindigGemeente, gemeentecodesSchema, jaarSchema, voegGemeenteToe } from "./toewijzingen";
import { stelVrijgaveIn } from "@/lib/leveringen/vrijgave";

/** Staff actions on berichtgevers, their gemeenten, contact person and back-up users. */

const id = z.string().min(1).max(100);
const berichtgeverNaam = z
  .string({ error: "Vul de naam van de berichtgever in" })
  .trim()
  .min(1, "Vul de naam van de berichtgever in")
  .max(200, "De naam mag hoogstens 200 tekens lang zijn");

export const maakBerichtgeverActie = cbsActie(
  z.object({
    code: berichtgeverCodeSchema,
    naam: berichtgeverNaam,
    gemeenten: gemeentecodesSchema,
    vanafJaar: jaarSchema,
    cpNaam: naamSchema,
    cpEmail: emailSchema,
    cpTelefoon: telefoonSchema,
  }),
  async (i, ctx) => {
    const r = await maakBerichtgever(ctx, {
      code: i.code,
      naam: i.naam,
      gemeenten: i.gemeenten,
      vanafJaar: i.vanafJaar,
      contactpersoon: { naam: i.cpNaam, email: i.cpEmail, telefoon: i.cpTelefoon },
    });
    return { naar: `/beheer/berichtgevers/${r.berichtgever.code}?gemaakt=1` };
  },
  { metMail: true },
);

export const wijzigBerichtgeverActie = cbsActie(
  z.object({ berichtgeverId: id, code: berichtgeverCodeSchema, naam: berichtgeverNaam }),
  async (i, ctx) => {
    const b = await wijzigBerichtgever(ctx, i);
    return {
      melding: "De gegevens van de berichtgever zijn opgeslagen.",
      naar: `/beheer/berichtgevers/${b.code}?gewijzigd=1`,
    };
  },
);

export const deactiveerBerichtgeverActie = cbsActie(z.object({ berichtgeverId: id }), async (i, ctx) => {
  await deactiveerBerichtgever(ctx, i);
  return {
    melding: "De berichtgever is gedeactiveerd. Alle gebruikers zijn uitgelogd en de API-tokens zijn ingetrokken.",
  };
});

export const activeerBerichtgeverActie = cbsActie(z.object({ berichtgeverId: id }), async (i, ctx) => {
  await activeerBerichtgever(ctx, i);
  return { melding: "De berichtgever is weer actief; de contactpersoon kan weer inloggen." };
});

export const voegGemeenteToeActie = cbsActie(
  z.object({ berichtgeverId: id, gemeentecode: gemeentecodeSchema, vanafJaar: jaarSchema }),
  async (i, ctx) => {
    const r = await voegGemeenteToe(ctx, i);
    return { melding: `Gemeente ${r.gemeente.code} ${r.gemeente.naam} is toegevoegd vanaf ${i.vanafJaar}.` };
  },
);

export const beeindigGemeenteActie = cbsActie(z.object({ toewijzingId: id, vanafJaar: jaarSchema }), async (i, ctx) => {
  const r = await beeindigGemeente(ctx, i);
  return {
    melding: r.verwijderd
      ? "De toewijzing is verwijderd: zij gold nog voor geen enkel jaar."
      : `De toewijzing loopt nu tot en met ${i.vanafJaar - 1}.`,
  };
});

export const vervangContactpersoonActie = cbsActie(
  z.object({
    berichtgeverId: id,
    naam: naamSchema,
    email: emailSchema,
    telefoon: telefoonSchema,
    oudeWordtBackup: vinkje,
  }),
  async (i, ctx) => {
    const r = await vervangContactpersoon(ctx, i);
    const b = await ctx.tx.berichtgever.findUniqueOrThrow({ where: { id: i.berichtgeverId }, select: { code: true } });
    return { naar: `/beheer/berichtgevers/${b.code}?contactpersoon=${r.oud ? "vervangen" : "geregistreerd"}` };
  },
  { metMail: true },
);

export const wijzigGegevensActie = cbsActie(
  z.object({ userId: id, naam: naamSchema, telefoon: telefoonSchema }),
  async (i, ctx) => {
    await wijzigGegevens(ctx, i);
    return { melding: "De gegevens zijn opgeslagen." };
  },
);

export const voegBackupToeActie = cbsActie(
  z.object({ berichtgeverId: id, naam: naamSchema, email: emailSchema, telefoon: telefoonSchema }),
  async (i, ctx) => {
    const u = await voegBackupToe(ctx, i);
    return {
      melding: `${u.naam} (${u.email}) is back-up gebruiker. Deze persoon kan nu inloggen met dit e-mailadres.`,
    };
  },
);

export const verwijderBackupActie = cbsActie(z.object({ userId: id }), async (i, ctx) => {
  const r = await verwijderBackup(ctx, i);
  return { melding: `De back-up gebruiker is verwijderd${r.sessiesBeeindigd ? " en uitgelogd" : ""}.` };
});

/** Staff set, for the berichtgever, whether uploads by back-up users and API tokens wait for release. */
export const stelVrijgaveInBeheerActie = cbsActie(
  z.object({ code: berichtgeverCodeSchema, vrijgaveVereist: vinkje }),
  async (i, ctx) => {
    await stelVrijgaveIn(ctx, i.code, i.vrijgaveVereist);
    return {
      vernieuw: `/beheer/berichtgevers/${i.code}`,
      melding: i.vrijgaveVereist
        ? "Uploads van back-upgebruikers en API-tokens wachten voortaan op vrijgave door de contactpersoon."
        : "Uploads van back-upgebruikers en API-tokens tellen voortaan direct als levering.",
    };
  },
);
