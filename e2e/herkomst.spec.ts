/**
 * Who is asking, against the production server (scripts/server.ts): the audit log records the
 * connection's address whatever the client writes in its headers, the sign-in mail limit cannot be
 * stepped around by the shape of the request, and a prefetch header does not switch off the proxy's
 * cross-site check.
 */
import { test, expect } from "@playwright/test";
import { CBS_BEHEER, logInAls } from "./support/auth";
import { metDatabase } from "./support/db";

test("het auditlog bewaart het adres van de verbinding, niet wat de client opgeeft", async ({ browser }) => {
  const context = await browser.newContext({
    userAgent: `Mozilla/5.0 (e2e-herkomst) ${"x".repeat(3_000)}`,
    extraHTTPHeaders: {
      "x-forwarded-for": "203.0.113.66",
      "x-real-ip": "203.0.113.67",
      "x-swi-socket-adres": "203.0.113.68",
    },
  });
  const page = await context.newPage();
  await logInAls(page, CBS_BEHEER);
  await context.close();
  const rij = await metDatabase(async (c) => {
    const r = await c.query(
      `SELECT ip, user_agent FROM audit_log WHERE actie = 'login' AND user_agent LIKE '%e2e-herkomst%'
       ORDER BY tijdstip DESC LIMIT 1`,
    );
    return r.rows[0] as { ip: string; user_agent: string };
  });
  expect(rij.ip).toBe("127.0.0.1");
  expect(rij.user_agent).toHaveLength(512);
});

test("een inloglink vraagt u alleen met een gewoon formulier aan, elk veld één keer", async ({ request }) => {
  const json = await request.post("/api/auth/signin/email", {
    data: { email: "contactpersoon@enschede.example.nl", csrfToken: "x", json: "true" },
  });
  expect(json.status()).toBe(415);
  expect((await json.json()).melding).toMatch(/inlogformulier/);

  const dubbel = await request.post("/api/auth/signin/email", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "email=iemand%40elders.example&csrfToken=x&email=contactpersoon%40enschede.example.nl",
  });
  expect(dubbel.status()).toBe(400);
  expect((await dubbel.json()).melding).toMatch(/meer dan één keer/);
});

test("een prefetch-kopregel schakelt de controle op herkomst niet uit", async ({ request }) => {
  const prefetches: Record<string, string>[] = [{ "next-router-prefetch": "1" }, { purpose: "prefetch" }];
  for (const prefetch of prefetches) {
    const res = await request.post("/api/uploads", {
      headers: { ...prefetch, "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      data: {},
    });
    expect(res.status(), JSON.stringify(prefetch)).toBe(403);
  }
});
