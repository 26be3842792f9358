import { beforeEach, describe, expect, it } from "vitest";
import { SOCKET_ADRES_HEADER } from "@/lib/client-adres";
import { metAppDatabase } from "@/lib/db/database.testhulp";

process.env.NEXTAUTH_SECRET = "test-geheim-van-minstens-32-tekens-lang!!";
process.env.SMTP_URL = "smtp://127.0.0.1:2599";
process.env.APP_URL = "http://localhost:3999";
// One proxy of our own in front: it appends the address it saw to X-Forwarded-For.
process.env.SWI_VERTROUWDE_PROXIES = "1";

const { beperkInlogverzoek } = await import("./inlog-limiet");
const { vergeetLimieten } = await import("@/lib/limieten");

const SIGNIN = ["signin", "email"];
metAppDatabase(() => {});

function verzoek(
  body: string,
  { ip = "192.0.2.10", contentType = "application/x-www-form-urlencoded", method = "POST", xff = "" } = {},
) {
  return new Request("http://localhost:3999/api/auth/signin/email", {
    method,
    headers: { "content-type": contentType, "x-forwarded-for": xff ? `${xff}, ${ip}` : ip },
    body: method === "POST" ? body : undefined,
  });
}

const formulier = (email: string) => new URLSearchParams({ email, csrfToken: "x" }).toString();

describe("beperkInlogverzoek", () => {
  beforeEach(async () => {
    process.env.SWI_LIMIET_INLOG_PER_ADRES = "5";
    process.env.SWI_LIMIET_INLOG_PER_IP = "50";
    await vergeetLimieten();
  });

  it("laat vijf verzoeken per adres door en weigert het zesde met 429 en Retry-After", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await beperkInlogverzoek(verzoek(formulier(" A@Gemeente.example.nl")), SIGNIN)).toBeNull();
    }
    const zesde = await beperkInlogverzoek(verzoek(formulier("a@gemeente.example.nl")), SIGNIN);
    expect(zesde?.status).toBe(429);
    expect(Number(zesde?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(zesde?.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    expect((await zesde!.json()).url).toBe("http://localhost:3999/inloggen/fout?error=TeVeelPogingen");
    // Another address is not affected.
    expect(await beperkInlogverzoek(verzoek(formulier("b@gemeente.example.nl")), SIGNIN)).toBeNull();
  });

  it("begrenst ook per IP-adres, over alle e-mailadressen heen", async () => {
    process.env.SWI_LIMIET_INLOG_PER_IP = "3";
    await vergeetLimieten();
    for (let i = 0; i < 3; i++) {
      expect(await beperkInlogverzoek(verzoek(formulier(`p${i}@gemeente.example.nl`)), SIGNIN)).toBeNull();
    }
    expect((await beperkInlogverzoek(verzoek(formulier("p9@gemeente.example.nl")), SIGNIN))?.status).toBe(429);
    expect(
      await beperkInlogverzoek(verzoek(formulier("p9@gemeente.example.nl"), { ip: "192.0.2.99" }), SIGNIN),
    ).toBeNull();
  });

  it("een wisselend X-Forwarded-For van de client ontloopt de grens per IP niet", async () => {
    process.env.SWI_LIMIET_INLOG_PER_IP = "3";
    await vergeetLimieten();
    const uitkomsten = [];
    for (let i = 0; i < 5; i++) {
      // The client writes its own "address" first; our proxy appends the real one (192.0.2.10).
      const r = verzoek(formulier(`q${i}@gemeente.example.nl`), { xff: `203.0.113.${i}` });
      r.headers.set(SOCKET_ADRES_HEADER, `198.51.100.${i}`);
      uitkomsten.push((await beperkInlogverzoek(r, SIGNIN))?.status ?? 200);
    }
    expect(uitkomsten).toEqual([200, 200, 200, 429, 429]);
  });

  it("telt het adres dat next-auth mailt: een tweede e-mailveld wordt geweigerd", async () => {
    process.env.SWI_LIMIET_INLOG_PER_ADRES = "1";
    await vergeetLimieten();
    expect(await beperkInlogverzoek(verzoek(formulier("slachtoffer@gemeente.example.nl")), SIGNIN)).toBeNull();
    // next-auth keeps the last field; the first one used to be counted.
    const dubbel = `email=${Math.random()}%40x.example&csrfToken=x&email=slachtoffer%40gemeente.example.nl`;
    const antwoord = await beperkInlogverzoek(verzoek(dubbel), SIGNIN);
    expect(antwoord?.status).toBe(400);
    expect((await antwoord!.json()).melding).toMatch(/meer dan één keer/);
    const dubbelCsrf = "email=a%40gemeente.example.nl&csrfToken=x&csrfToken=y";
    expect((await beperkInlogverzoek(verzoek(dubbelCsrf), SIGNIN))?.status).toBe(400);
  });

  it("weigert JSON en andere soorten inhoud met 415, ook als het type 'form' alleen noemt", async () => {
    const json = JSON.stringify({ email: "a@gemeente.example.nl", csrfToken: "x" });
    for (const contentType of [
      "application/json",
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/json; x=application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=application/json",
      "",
    ]) {
      const antwoord = await beperkInlogverzoek(verzoek(json, { contentType }), SIGNIN);
      expect(antwoord?.status, contentType).toBe(415);
      expect((await antwoord!.json()).melding).toMatch(/inlogformulier/);
    }
    for (const contentType of [
      "application/x-www-form-urlencoded;charset=UTF-8",
      "Application/X-WWW-Form-Urlencoded",
    ]) {
      expect(await beperkInlogverzoek(verzoek(formulier("c@gemeente.example.nl"), { contentType }), SIGNIN)).toBeNull();
    }
  });

  it("geldt voor elke schrijfwijze van het pad die next-auth als signin/email leest", async () => {
    process.env.SWI_LIMIET_INLOG_PER_ADRES = "1";
    await vergeetLimieten();
    expect(await beperkInlogverzoek(verzoek(formulier("d@gemeente.example.nl")), SIGNIN)).toBeNull();
    // /api/auth/signin/email/extra and /api/auth/signin/%65mail reach next-auth's email sign-in too.
    expect((await beperkInlogverzoek(verzoek(formulier("d@gemeente.example.nl")), [...SIGNIN, "extra"]))?.status).toBe(
      429,
    );
  });

  it("telt alleen aanvragen van een inloglink, niet het openen van pagina's of sessies", async () => {
    process.env.SWI_LIMIET_INLOG_PER_IP = "1";
    await vergeetLimieten();
    for (let i = 0; i < 5; i++) {
      expect(await beperkInlogverzoek(new Request("http://localhost:3999/api/auth/session"), ["session"])).toBeNull();
      expect(
        await beperkInlogverzoek(verzoek(formulier("x@gemeente.example.nl"), { method: "GET" }), SIGNIN),
      ).toBeNull();
    }
  });
});
