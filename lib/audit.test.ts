import { expect, it, vi } from "vitest";
import { SOCKET_ADRES_HEADER } from "@/lib/client-adres";
import { metAppDatabase, type TestDatabase } from "@/lib/db/database.testhulp";

const verzoekKoppen = vi.hoisted(() => ({ waarde: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => verzoekKoppen.waarde }));

process.env.NEXTAUTH_SECRET = "audit-test-geheim-0123456789abcdef0123456789";
process.env.SMTP_URL = "smtp://127.0.0.1:1";
delete process.env.SWI_VERTROUWDE_PROXIES;

const { schrijfAudit } = await import("./audit");

let t: TestDatabase;
metAppDatabase((db) => {
  t = db;
});

it("legt het adres van de verbinding vast, niet wat de client in X-Forwarded-For schrijft", async () => {
  verzoekKoppen.waarde = new Headers({
    "x-forwarded-for": "203.0.113.66",
    "x-real-ip": "203.0.113.67",
    [SOCKET_ADRES_HEADER]: "::ffff:192.0.2.20",
    "user-agent": `Mozilla/5.0 ${"A".repeat(20_000)}`,
  });
  await schrijfAudit({ actor: null, actie: "test.herkomst" });
  const rij = await t.db.auditLog.findFirstOrThrow({ where: { actie: "test.herkomst" } });
  expect(rij.ip).toBe("192.0.2.20");
  expect(rij.userAgent).toHaveLength(512);
});

it("kort ook een meegegeven user-agent af", async () => {
  await schrijfAudit({ actor: null, actie: "test.meegegeven", ip: "192.0.2.1", userAgent: "B".repeat(5_000) });
  const rij = await t.db.auditLog.findFirstOrThrow({ where: { actie: "test.meegegeven" } });
  expect(rij.userAgent).toHaveLength(512);
});
