import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActieFout } from "@/lib/acties/context";
import { GeenRecht } from "@/lib/http/fouten";
import { DEMO_BERICHTGEVERS } from "@/prisma/seed";
import { verstuurMailOpnieuw } from "./mail";
import { beheerTest, type BeheerTest } from "./beheer.testhulp";

let h: BeheerTest;
beforeAll(async () => {
  h = await beheerTest();
});
afterAll(() => h.close());

async function mail(status: "MISLUKT" | "VERZONDEN") {
  return h.db.mailBericht.create({
    data: { aan: "x@gemeente.example.nl", onderwerp: "o", sjabloon: "beheer-welkom", parameters: {}, status },
  });
}

describe("sending a failed mail again (staff)", () => {
  it("puts a failed mail back in the queue and audits it, in one change", async () => {
    const m = await mail("MISLUKT");
    await h.als((ctx) => verstuurMailOpnieuw(ctx, m.id));
    expect((await h.db.mailBericht.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("WACHTRIJ");
    const audit = await h.db.auditLog.findMany({ where: { actie: "mail.opnieuw-versturen", doelId: m.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: h.cbs.email, doelType: "mail" });
  });

  it("refuses a mail that did not fail, or does not exist, with a message for the form and no audit entry", async () => {
    const m = await mail("VERZONDEN");
    for (const id of [m.id, "bestaat-niet"]) {
      const fout = await h.als((ctx) => verstuurMailOpnieuw(ctx, id)).catch((e: unknown) => e);
      expect(fout).toBeInstanceOf(ActieFout);
      expect((fout as ActieFout).fouten[0]?.bericht).toMatch(/niet opnieuw worden verstuurd/);
    }
    expect((await h.db.mailBericht.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("VERZONDEN");
    expect(await h.db.auditLog.count({ where: { actie: "mail.opnieuw-versturen", doelId: m.id } })).toBe(0);
  });

  it("is for CBS staff only", async () => {
    const m = await mail("MISLUKT");
    const contact = await h.actorVan(DEMO_BERICHTGEVERS[0]!.contactpersoon.email);
    await expect(h.als((ctx) => verstuurMailOpnieuw(ctx, m.id), contact)).rejects.toBeInstanceOf(GeenRecht);
    expect((await h.db.mailBericht.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("MISLUKT");
  });
});
