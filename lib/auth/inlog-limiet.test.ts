import { beforeEach, describe, expect, it } from "vitest";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
process.env.NEXTAUTH_SECRET = "test-geheim-van-minstens-32-tekens-lang!!";
process.env.SMTP_URL = "smtp://127.0.0.1:2599";
process.env.APP_URL = "http://localhost:3999";

const { beperkInlogverzoek } = await import("./inlog-limiet");
const { vergeetLimieten } = await import("@/lib/limieten");

function verzoek(email: string, ip = "192.0.2.10", method = "POST") {
  return new Request("http://localhost:3999/api/auth/signin/email", {
    method,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: method === "POST" ? new URLSearchParams({ email, csrfToken: "x" }).toString() : undefined,
  });
}

describe("beperkInlogverzoek", () => {
  beforeEach(() => {
    process.env.SWI_LIMIET_INLOG_PER_ADRES = "5";
    process.env.SWI_LIMIET_INLOG_PER_IP = "50";
    vergeetLimieten();
  });

  it("laat vijf verzoeken per adres door en weigert het zesde met 429 en Retry-After", async () => {
    for (let i = 0; i < 5; i++) expect(await beperkInlogverzoek(verzoek("A@Gemeente.example.nl"))).toBeNull();
    const zesde = await beperkInlogverzoek(verzoek("a@gemeente.example.nl"));
    expect(zesde?.status).toBe(429);
    expect(Number(zesde?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(zesde?.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    expect((await zesde!.json()).url).toBe("http://localhost:3999/inloggen/fout?error=TeVeelPogingen");
    // Another address is not affected.
    expect(await beperkInlogverzoek(verzoek("b@gemeente.example.nl"))).toBeNull();
  });

  it("begrenst ook per IP-adres, over alle e-mailadressen heen", async () => {
    process.env.SWI_LIMIET_INLOG_PER_IP = "3";
    vergeetLimieten();
    for (let i = 0; i < 3; i++) expect(await beperkInlogverzoek(verzoek(`p${i}@gemeente.example.nl`))).toBeNull();
    expect((await beperkInlogverzoek(verzoek("p9@gemeente.example.nl")))?.status).toBe(429);
    expect(await beperkInlogverzoek(verzoek("p9@gemeente.example.nl", "192.0.2.99"))).toBeNull();
  });

  it("telt alleen aanvragen van een inloglink, niet het openen van pagina's of sessies", async () => {
    process.env.SWI_LIMIET_INLOG_PER_IP = "1";
    vergeetLimieten();
    for (let i = 0; i < 5; i++) {
      expect(await beperkInlogverzoek(new Request("http://localhost:3999/api/auth/session"))).toBeNull();
      expect(await beperkInlogverzoek(verzoek("x@gemeente.example.nl", "192.0.2.10", "GET"))).toBeNull();
    }
  });
});
