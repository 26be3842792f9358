/**
 * Who gets what, for every route the portal serves (issue 6). The routes are found by walking
 * app/ (every page.tsx, every method a route.ts exports) and each one must have a rule in REGELS
 * below: the answer for each actor. A route without a rule fails, and so does a rule without a
 * route, so a new route cannot slip in unjudged. Then: no state-changing form or route can be
 * driven from another site (CSRF), and every cookie the portal sets is HttpOnly and SameSite.
 *
 * Sessions are rows in `session` (next-auth database sessions), written by
 * e2e/support/matrixwereld.ts together with the rest of the data the routes need.
 */
import { test, expect, request as playwrightRequest, type APIResponse } from "@playwright/test";
import { CONTACT_0153 } from "./support/auth";
import {
  bouwMatrixwereld,
  BACKUP_0153,
  maakInlogtoken,
  maakSessie,
  toestand,
  type Matrixwereld,
} from "./support/matrixwereld";
import { routesInApp, vulIn } from "./support/routes";
import {
  formulierenOp,
  geweigerdeServeracties,
  serverActiesVanBuild,
  wachtOpWeigeringen,
  type GevondenFormulier,
  type ServerActie,
} from "./support/formulieren";
import { metDatabase } from "./support/db";

test.describe.configure({ mode: "serial" });

const ACTOREN = [
  "anoniem",
  "andere", // contact person of 0363, asking for 0153's data (on /api/v1: 0363's token)
  "eigen", // contact person of 0153 (on /api/v1: 0153's token)
  "backup", // back-up user of 0153: uploads, no person-level downloads, no tokens
  "cbs",
  "sessieWeg", // the session row was deleted after login; the browser still sends the cookie
  "gebruikerUit", // a staff member switched off after login; the cookie is still sent
  "tokenIngetrokken", // a revoked API token of 0153, no cookie
  "alleenToken", // a valid API token of 0153 and no cookie: it is no login outside /api/v1
] as const;
type Actor = (typeof ACTOREN)[number];

/**
 * An expected answer: a status code; "inloggen" (a redirect to /inloggen); or a status with what
 * the body must (not) contain, the content type, or where a redirect goes (path + query).
 */
type Antwoord = { status: number; bevat?: string[]; nietBevat?: string[]; type?: string; naar?: string };
type Verwacht = number | "inloggen" | Antwoord;

interface Regel {
  /** The concrete URL; default: the pattern with the standard segment values filled in. */
  pad?: string;
  verzoek?: { data?: string | Buffer; multipart?: Record<string, string> | FormData; form?: Record<string, string> };
  headers?: Record<string, string>;
  actoren: Record<Actor, Verwacht>;
  /** Public content, the same for everyone: the other-tenant leak check does not apply. */
  openbaar?: true;
}

const ok = (...bevat: string[]): Antwoord => ({ status: 200, bevat });
const bestand = (type: string, ...bevat: string[]): Antwoord => ({ status: 200, type, bevat });
const naar = (pad: string, status = 307): Antwoord => ({ status, naar: pad });

function iedereen(v: Verwacht): Record<Actor, Verwacht> {
  return Object.fromEntries(ACTOREN.map((a) => [a, v])) as Record<Actor, Verwacht>;
}

/**
 * A page of one berichtgever: without a cookie the proxy sends you to the login, with a dead
 * session the page does; another berichtgever's contact person is told it does not exist.
 */
function berichtgeverPagina(toegestaan: Verwacht, backup: Verwacht = toegestaan): Record<Actor, Verwacht> {
  return {
    anoniem: "inloggen",
    andere: 404,
    eigen: toegestaan,
    backup,
    cbs: toegestaan,
    sessieWeg: "inloggen",
    gebruikerUit: "inloggen",
    tokenIngetrokken: "inloggen",
    alleenToken: "inloggen",
  };
}

/**
 * A download route handler of one berichtgever: a browser follows the link, so without a live
 * session it is sent to the login and back, like a page (lib/http/route.ts, vorm "tekst").
 */
function berichtgeverDownload(toegestaan: Verwacht, backup: Verwacht): Record<Actor, Verwacht> {
  return berichtgeverPagina(toegestaan, backup);
}

/** Staff only: anyone else signed in gets 403, a dead session the login. */
function beheer(toegestaan: Verwacht): Record<Actor, Verwacht> {
  return {
    anoniem: "inloggen",
    andere: 403,
    eigen: 403,
    backup: 403,
    cbs: toegestaan,
    sessieWeg: "inloggen",
    gebruikerUit: "inloggen",
    tokenIngetrokken: "inloggen",
    alleenToken: "inloggen",
  };
}

/** A session JSON route (lib/http/route.ts, vorm "json"): 401 for anyone without a live session, tokens included. */
function sessieApi(toegestaan: Record<"andere" | "eigen" | "backup" | "cbs", Verwacht>): Record<Actor, Verwacht> {
  return {
    anoniem: 401,
    ...toegestaan,
    sessieWeg: 401,
    gebruikerUit: 401,
    tokenIngetrokken: 401,
    alleenToken: 401,
  };
}

/** The vendor API: the token decides, a session cookie counts for nothing. */
function v1(toegestaan: Verwacht, andere: Verwacht = 404): Record<Actor, Verwacht> {
  return {
    anoniem: 401,
    andere,
    eigen: toegestaan,
    backup: 401,
    cbs: 401,
    sessieWeg: 401,
    gebruikerUit: 401,
    tokenIngetrokken: 401,
    alleenToken: toegestaan,
  };
}

function regels(w: Matrixwereld): Record<string, Regel> {
  const L = w.levering;
  return {
    // --- Public, or deciding for themselves -----------------------------------------------
    "GET /": {
      actoren: {
        anoniem: naar("/inloggen"),
        andere: naar("/berichtgever/0363"),
        eigen: naar("/berichtgever/0153"),
        backup: naar("/berichtgever/0153"),
        cbs: naar("/beheer"),
        sessieWeg: naar("/inloggen"),
        gebruikerUit: naar("/inloggen"),
        tokenIngetrokken: naar("/inloggen"),
        alleenToken: naar("/inloggen"),
      },
    },
    "GET /inloggen": {
      actoren: {
        ...iedereen(ok("Stuur mij een inloglink")),
        andere: naar("/"),
        eigen: naar("/"),
        backup: naar("/"),
        cbs: naar("/"),
      },
    },
    "GET /inloggen/bevestigen": { actoren: iedereen(ok("De link is onvolledig")), openbaar: true },
    "GET /inloggen/controleer-uw-email": { actoren: iedereen(ok("Controleer uw e-mail")), openbaar: true },
    "GET /inloggen/fout": { actoren: iedereen(ok("Inloggen is niet gelukt")), openbaar: true },
    "GET /formaat": { actoren: iedereen(ok("Aanleverformaat en controles")), openbaar: true },
    "GET /formaat/swi-2026.xsd": { actoren: iedereen(bestand("application/xml", "<xs:schema")), openbaar: true },
    "GET /api/health": { actoren: iedereen(ok('"status":"ok"')), openbaar: true },
    "GET /api/v1/openapi.json": { actoren: iedereen(bestand("application/json", '"openapi":"3.1.0"')), openbaar: true },
    // Only in the embedded demo (no mail server); the e2e server has one.
    "GET /ontwikkeling/postvak": { actoren: iedereen(404), openbaar: true },
    // Shows nothing but the "geen toegang" text, so a dead session may see it too.
    "GET /geen-toegang": {
      actoren: {
        ...iedereen(ok("Geen toegang")),
        anoniem: "inloggen",
        tokenIngetrokken: "inloggen",
        alleenToken: "inloggen",
      },
    },
    "GET /uitloggen": {
      actoren: {
        ...iedereen(naar("/inloggen?uitgelogd=1")),
        andere: ok("Weet u zeker dat u wilt uitloggen?"),
        eigen: ok("Weet u zeker dat u wilt uitloggen?"),
        backup: ok("Weet u zeker dat u wilt uitloggen?"),
        cbs: ok("Weet u zeker dat u wilt uitloggen?"),
      },
    },
    // next-auth: the session as the browser sees it; a dead session is none.
    "GET /api/auth/[...nextauth]": {
      pad: "/api/auth/session",
      actoren: {
        ...iedereen({ status: 200, bevat: ["{}"], nietBevat: ["@"] }),
        andere: ok("contactpersoon@amsterdam.example.nl"),
        eigen: ok(CONTACT_0153, '"rol":"CONTACTPERSOON"'),
        backup: ok(BACKUP_0153, '"rol":"BACKUP"'),
        cbs: ok("beheer@cbs.example.nl", '"rol":"CBS"'),
      },
    },
    // Signing out takes next-auth's CSRF token; without it nobody is signed out (checked below).
    "POST /api/auth/[...nextauth]": {
      pad: "/api/auth/signout",
      verzoek: { form: { callbackUrl: "/" } },
      actoren: iedereen(naar("/api/auth/signout?csrf=true", 302)),
    },
    // The "Inloggen" button of the confirmation page; without a valid token it leads to the error page.
    "POST /api/inloggen/bevestigen": {
      verzoek: { form: {} },
      actoren: iedereen(naar("/inloggen/fout?error=Verification", 303)),
    },

    // --- Session JSON routes ------------------------------------------------------------
    "GET /api/berichtgever/[code]": {
      actoren: sessieApi({
        andere: 404,
        eigen: ok('"naam":"Gemeente Enschede"'),
        backup: ok('"naam":"Gemeente Enschede"'),
        cbs: ok('"naam":"Gemeente Enschede"'),
      }),
    },
    "GET /api/leveringen/status": {
      pad: `/api/leveringen/status?ids=${L.id}`,
      actoren: sessieApi({
        // Ids the actor may not see are left out, not refused: an empty list.
        andere: { status: 200, bevat: ['"leveringen":[]'] },
        eigen: ok(L.id, '"status":"VERWERKT"'),
        backup: ok(L.id),
        cbs: ok(L.id),
      }),
    },
    // A real start of an upload for 0153 (an upload session nobody finishes; purged after 24 h).
    "POST /api/uploads": {
      pad: "/api/uploads?berichtgever=0153",
      verzoek: { data: JSON.stringify({ bestandsnaam: "SWI_0153_0153_20231.XML", grootte: 10 }) },
      headers: { "content-type": "application/json" },
      actoren: sessieApi({
        andere: 404,
        eigen: { status: 201, bevat: ['"uploadId"'] },
        backup: { status: 201, bevat: ['"uploadId"'] },
        cbs: { status: 201, bevat: ['"uploadId"'] },
      }),
    },
    // An upload session belongs to the person who started it: everyone else is told it does not exist.
    "GET /api/uploads/[uploadId]": {
      actoren: sessieApi({ andere: 404, eigen: ok('"ontvangenDelen"'), backup: 404, cbs: 404 }),
    },
    "PUT /api/uploads/[uploadId]/delen/[n]": {
      verzoek: { data: Buffer.from("0123456789") },
      headers: { "content-type": "application/octet-stream" },
      actoren: sessieApi({ andere: 404, eigen: 204, backup: 404, cbs: 404 }),
    },
    // The session without parts: the owner gets past authorisation and hears what is missing.
    "POST /api/uploads/[uploadId]/voltooien": {
      pad: `/api/uploads/${w.uploads.zonderDelen}/voltooien`,
      actoren: sessieApi({ andere: 404, eigen: { status: 422, bevat: ["nog niet compleet"] }, backup: 404, cbs: 404 }),
    },

    // --- Vendor API -----------------------------------------------------------------------
    // No file: the token gets past authorisation and hears what is missing (no delivery is made).
    "POST /api/v1/leveringen": {
      verzoek: { multipart: { opmerking: "geen bestand" } },
      actoren: v1({ status: 400, bevat: ["geen bestand"] }, { status: 400, bevat: ["geen bestand"] }),
    },
    "GET /api/v1/leveringen/[id]": { actoren: v1(ok(L.id, '"status":"VERWERKT"')) },
    "GET /api/v1/leveringen/[id]/spiegelrapport": { actoren: v1(ok('"spiegelrapport"', "Gemeente Enschede")) },
    "GET /api/v1/leveringen/[id]/signaleringslijst": { actoren: v1(bestand("text/csv", "010336783")) },

    // --- Pages and downloads of a berichtgever ---------------------------------------------
    "GET /berichtgever/[code]": { actoren: berichtgeverPagina(ok("Gemeente Enschede")) },
    "GET /berichtgever/[code]/api-tokens": { actoren: berichtgeverPagina(ok("API-tokens", "Matrix 0153"), 403) },
    "GET /berichtgever/[code]/leveringen": { actoren: berichtgeverPagina(ok("Leveringen", L.bestandsnaam)) },
    "GET /berichtgever/[code]/leveringen/nieuw": { actoren: berichtgeverPagina(ok("Levering uploaden")) },
    "GET /berichtgever/[code]/leveringen/[id]": { actoren: berichtgeverPagina(ok(L.bestandsnaam, L.sha256)) },
    "GET /berichtgever/[code]/leveringen/[id]/signaleringslijst": {
      actoren: {
        ...berichtgeverPagina(
          ok("Download als CSV", "Signalen beantwoorden", "Matrixvraag over dit signaal", "Reactie opslaan"),
          { status: 200, bevat: ["Alleen de contactpersoon van de berichtgever kan"], nietBevat: ["Reactie opslaan"] },
        ),
        // Staff read the responses here but answer them at /beheer/signalen.
        cbs: {
          status: 200,
          bevat: ["Download als CSV", "Matrixvraag over dit signaal"],
          nietBevat: ["Reactie opslaan"],
        },
      },
    },
    "GET /berichtgever/[code]/leveringen/[id]/spiegelrapport": {
      actoren: berichtgeverPagina(ok("Spiegelrapport 2026 K1, gemeente 0153 Enschede")),
    },
    "GET /berichtgever/[code]/leveringen/[id]/fouten.csv": {
      actoren: berichtgeverDownload(bestand("text/csv", "Regelnummer"), 403),
    },
    "GET /berichtgever/[code]/leveringen/[id]/signaleringslijst.csv": {
      actoren: berichtgeverDownload(bestand("text/csv", "010336783"), 403),
    },
    "GET /berichtgever/[code]/leveringen/[id]/signaleringslijst.xlsx": {
      actoren: berichtgeverDownload(bestand("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), 403),
    },
    // Counts only, no person-level data: the back-up user may have them. A dead session is sent to the login.
    "GET /berichtgever/[code]/leveringen/[id]/spiegelrapport.csv": {
      actoren: berichtgeverPagina(bestand("text/csv", "personen.totaal")),
    },
    "GET /berichtgever/[code]/leveringen/[id]/spiegelrapport.pdf": {
      actoren: berichtgeverPagina(bestand("application/pdf", "%PDF-")),
    },

    // --- Staff ------------------------------------------------------------------------------
    "GET /beheer": { actoren: beheer(ok("Beheer")) },
    "GET /beheer/audit": { actoren: beheer(ok("Auditlog")) },
    "GET /beheer/berichtgevers": { actoren: beheer(ok("Berichtgevers", "Gemeente Enschede")) },
    "GET /beheer/berichtgevers/nieuw": { actoren: beheer(ok("Nieuwe berichtgever")) },
    "GET /beheer/berichtgevers/[code]": { actoren: beheer(ok("0153 Gemeente Enschede", "Sanne Kuipers")) },
    "GET /beheer/berichtgevers/[code]/contactpersoon": { actoren: beheer(ok("Contactpersoon vervangen")) },
    "GET /beheer/campagnes": { actoren: beheer(ok("Campagnes", "Matrix proefcampagne")) },
    "GET /beheer/campagnes/nieuw": { actoren: beheer(ok("Nieuwe campagne")) },
    "GET /beheer/berichten": { actoren: beheer(ok("Berichten", "Algemeen gesprek")) },
    "GET /berichtgever/[code]/berichten": {
      pad: "/berichtgever/0153/berichten",
      actoren: berichtgeverPagina(ok("Algemeen gesprek", "Matrixbericht over BSN 010336783"), 403),
    },
    "GET /beheer/signalen": { actoren: beheer(ok("Reacties op signalen", "Matrixvraag over dit signaal")) },
    "GET /beheer/kwaliteitsonderzoek": { actoren: beheer(ok("Kwaliteitsonderzoek", "matrix-steekproef")) },
    "GET /beheer/campagnes/[id]": { actoren: beheer(ok("Matrix proefcampagne")) },
    "GET /beheer/codelijst": { actoren: beheer(ok("Gemeentecodelijst")) },
    "GET /beheer/landelijke-controles": { actoren: beheer(ok("Landelijke controles")) },
    "GET /beheer/mail": { actoren: beheer(ok("Uitgaande e-mail", "Matrix proefbericht")) },
    "GET /beheer/monitor": { actoren: beheer(ok("Landelijke leveringsmonitor")) },
    // Route handlers under /beheer answer a dead session themselves, with a 303 to the login.
    "GET /beheer/audit/export": { actoren: beheer(bestand("text/csv", "actie")) },
    // The export is of a stored run; the matrix world has none for the quarter (the CSV itself:
    // e2e/beheer.spec.ts, after a real run).
    "GET /beheer/landelijke-controles/export": {
      actoren: beheer({ status: 404, bevat: ["geen uitkomst van de landelijke controles"] }),
    },
    "GET /beheer/monitor/export": { actoren: beheer(bestand("text/csv", "gemeentecode;gemeente")) },
  };
}

/** 0153's data: none of it may reach the other berichtgever's contact person. */
function gegevensVan0153(w: Matrixwereld): string[] {
  return ["Enschede", "Sanne Kuipers", CONTACT_0153, BACKUP_0153, w.levering.sha256, w.levering.bestandsnaam];
}

function segmentwaarden(w: Matrixwereld): Record<string, string> {
  return { code: "0153", id: w.levering.id, uploadId: w.uploads.metDelen, n: "0", nextauth: "session" };
}

/** The concrete id of a dynamic segment can differ per folder: /beheer/campagnes/[id] is a campaign. */
function standaardPad(patroon: string, w: Matrixwereld): string {
  if (patroon.startsWith("/beheer/campagnes/[id]")) return vulIn(patroon, { id: w.campagneId });
  return vulIn(patroon, segmentwaarden(w));
}

interface Uitkomst {
  status: number;
  headers: Record<string, string>;
  tekst: string;
  setCookies: string[];
}

let w: Matrixwereld;
let baseURL: string;
const gezetteCookies: string[] = [];

function sessieCookie(cookie: string) {
  return {
    name: "next-auth.session-token",
    value: cookie,
    domain: new URL(baseURL).hostname,
    path: "/",
    expires: -1,
    httpOnly: true,
    secure: false,
    sameSite: "Lax" as const,
  };
}

function geloofsbrieven(a: Actor, v1Route: boolean): { cookie?: string; token?: string } {
  switch (a) {
    case "anoniem":
      return {};
    case "andere":
      return { cookie: w.sessies.andere.cookie, token: v1Route ? w.tokens.andere : undefined };
    case "eigen":
      return { cookie: w.sessies.eigen.cookie, token: v1Route ? w.tokens.eigen : undefined };
    case "backup":
    case "cbs":
    case "sessieWeg":
    case "gebruikerUit":
      return { cookie: w.sessies[a].cookie };
    case "tokenIngetrokken":
      return { token: w.tokens.ingetrokken };
    case "alleenToken":
      return { token: w.tokens.eigen };
  }
}

/**
 * One request in a context of its own: no cookie that an earlier answer set (next-auth clears a
 * dead session's cookie) travels on to the next request.
 */
async function verstuur(
  methode: string,
  pad: string,
  opties: { cookie?: string; token?: string; headers?: Record<string, string> } & NonNullable<Regel["verzoek"]> = {},
): Promise<Uitkomst> {
  const ctx = await playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: opties.cookie ? [sessieCookie(opties.cookie)] : [], origins: [] },
  });
  try {
    const res: APIResponse = await ctx.fetch(pad, {
      method: methode,
      maxRedirects: 0,
      headers: { ...(opties.token ? { authorization: `Bearer ${opties.token}` } : {}), ...opties.headers },
      data: opties.data,
      multipart: opties.multipart,
      form: opties.form,
    });
    const setCookies = res
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
    gezetteCookies.push(...setCookies);
    return { status: res.status(), headers: res.headers(), tekst: (await res.body()).toString("utf8"), setCookies };
  } finally {
    await ctx.dispose();
  }
}

/** What is wrong with an answer, or null. */
function beoordeel(u: Uitkomst, verwacht: Verwacht): string | null {
  const v: Antwoord =
    typeof verwacht === "number" ? { status: verwacht } : verwacht === "inloggen" ? { status: 0 } : verwacht;
  const locatie = u.headers.location ? new URL(u.headers.location, baseURL) : null;
  if (verwacht === "inloggen") {
    if (![302, 303, 307, 308].includes(u.status) || locatie?.pathname !== "/inloggen") {
      return `verwacht een doorverwijzing naar /inloggen, kreeg ${u.status} ${u.headers.location ?? ""}`;
    }
    return null;
  }
  if (u.status !== v.status) return `verwacht ${v.status}, kreeg ${u.status}: ${u.tekst.slice(0, 160)}`;
  if (v.naar !== undefined) {
    const doel = locatie ? locatie.pathname + locatie.search : "(geen Location)";
    if (locatie?.origin !== new URL(baseURL).origin || doel !== v.naar) return `verwacht naar ${v.naar}, kreeg ${doel}`;
  }
  if (v.type && !(u.headers["content-type"] ?? "").startsWith(v.type)) {
    return `verwacht ${v.type}, kreeg ${u.headers["content-type"]}`;
  }
  for (const b of v.bevat ?? []) if (!u.tekst.includes(b)) return `antwoord bevat "${b}" niet`;
  for (const b of v.nietBevat ?? []) if (u.tekst.includes(b)) return `antwoord bevat "${b}"`;
  return null;
}

async function metBegrenzing<T>(taken: (() => Promise<T>)[], tegelijk: number): Promise<T[]> {
  const uit: T[] = new Array(taken.length);
  let volgende = 0;
  await Promise.all(
    Array.from({ length: tegelijk }, async () => {
      while (volgende < taken.length) {
        const i = volgende++;
        uit[i] = await taken[i]!();
      }
    }),
  );
  return uit;
}

const ROUTES = routesInApp();
const SLEUTELS = ROUTES.flatMap((r) => r.methoden.map((m) => `${m} ${r.patroon}`));

test.beforeAll(async ({}, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  w = await bouwMatrixwereld();
});

test("elke route op schijf heeft een regel in de matrix, en elke regel een route", () => {
  expect(ROUTES.filter((r) => r.soort === "pagina").length).toBeGreaterThanOrEqual(29);
  expect(ROUTES.filter((r) => r.soort === "route").length).toBeGreaterThanOrEqual(23);
  const tabel = Object.keys(regels(w));
  expect(
    SLEUTELS.filter((s) => !tabel.includes(s)),
    "routes zonder regel",
  ).toEqual([]);
  expect(
    tabel.filter((s) => !SLEUTELS.includes(s)),
    "regels zonder route",
  ).toEqual([]);
});

test("elke route geeft elke actor het verwachte antwoord", async () => {
  test.setTimeout(300_000);
  const tabel = regels(w);
  const lekt = gegevensVan0153(w);
  const cellen = SLEUTELS.filter((s) => s in tabel).flatMap((sleutel) => {
    const [methode, patroon] = sleutel.split(" ") as [string, string];
    const regel = tabel[sleutel]!;
    const pad = regel.pad ?? standaardPad(patroon, w);
    return ACTOREN.map((actor) => async () => {
      const u = await verstuur(methode, pad, {
        ...geloofsbrieven(actor, patroon.startsWith("/api/v1/")),
        headers: regel.headers,
        ...regel.verzoek,
      });
      const fouten: string[] = [];
      const oordeel = beoordeel(u, regel.actoren[actor]);
      if (oordeel) fouten.push(oordeel);
      if (actor === "andere" && !regel.openbaar) {
        const gelekt = lekt.filter((g) => u.tekst.includes(g));
        if (gelekt.length) fouten.push(`gegevens van 0153 in het antwoord: ${gelekt.join(", ")}`);
      }
      return fouten.map((f) => `${sleutel} (${pad}) als ${actor}: ${f}`);
    });
  });
  const fouten = (await metBegrenzing(cellen, 3)).flat();
  test.info().annotations.push({
    type: "matrix",
    description: `${SLEUTELS.length} routes/methoden × ${ACTOREN.length} actoren = ${cellen.length} verzoeken`,
  });
  expect(fouten).toEqual([]);

  // No one was signed out by the signout POSTs without a CSRF token, and the dead sessions stay dead.
  const sessies = await metDatabase((c) =>
    c.query<{ session_token: string }>("SELECT session_token FROM session WHERE session_token = ANY($1)", [
      Object.values(w.sessies).map((s) => s.cookie),
    ]),
  );
  expect(sessies.rows.map((r) => r.session_token).sort()).toEqual(
    [w.sessies.andere, w.sessies.eigen, w.sessies.backup, w.sessies.cbs].map((s) => s.cookie).sort(),
  );
});

// ---------------------------------------------------------------------------------------------
// CSRF: server actions. Next.js refuses a server action whose Origin is not the portal's host;
// every action of the build is tried from another site, and found in a form on a page (loaded in
// Chromium as the person allowed to use it), so a new form is covered without touching this file.

const ANDERE_SITE = "https://evil.example";

/** Where to look for forms, and as whom: every page of the matrix plus the states that show more forms. */
function formulierPaginas(): {
  pad: string;
  cookie: () => string;
  voorbereiding?: "codelijstVoorbeeld" | "campagneVoorbeeld";
}[] {
  const alsWie = (pad: string) => () =>
    pad.startsWith("/beheer")
      ? w.sessies.cbs.cookie
      : pad.startsWith("/berichtgever/") || pad === "/uitloggen"
        ? w.sessies.eigen.cookie
        : "";
  const paden = ROUTES.filter((r) => r.soort === "pagina").map((r) => standaardPad(r.patroon, w));
  return [
    ...paden.map((pad) => ({ pad, cookie: alsWie(pad) })),
    // A deactivated berichtgever has the "activeren" form, a chosen rule the campaign form, a
    // token marked for revoking its confirmation form, a checked codelijst the "laden" form.
    { pad: `/beheer/berichtgevers/${w.inactieveCode}`, cookie: alsWie("/beheer") },
    { pad: "/beheer/campagnes/nieuw?regels=P09", cookie: alsWie("/beheer") },
    { pad: "/beheer/campagnes/nieuw?regels=P09", cookie: alsWie("/beheer"), voorbereiding: "campagneVoorbeeld" },
    { pad: `/berichtgever/0153/api-tokens?intrekken=${w.tokens.eigenId}`, cookie: alsWie("/berichtgever/") },
    // An accepted proeflevering has the "vrijgeven" form.
    { pad: `/berichtgever/0153/leveringen/${w.proefleveringId}`, cookie: alsWie("/berichtgever/") },
    { pad: "/beheer/codelijst", cookie: alsWie("/beheer"), voorbereiding: "codelijstVoorbeeld" },
  ];
}

let formulieren: (GevondenFormulier & { soort: "serveractie"; cookie: string })[] = [];
// Read once the server is up: the build it runs is made by the web server's start, after test collection.
let actiesVanBuild: ServerActie[] = [];

test("elke server action van de build staat in een formulier op een pagina", async ({ browser }) => {
  test.setTimeout(180_000);
  actiesVanBuild = serverActiesVanBuild();
  const ctx = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const alle: (GevondenFormulier & { cookie: string })[] = [];
  for (const p of formulierPaginas()) {
    const cookie = p.cookie();
    await ctx.clearCookies();
    if (cookie) await ctx.addCookies([sessieCookie(cookie)]);
    const page = await ctx.newPage();
    const res = await page.goto(p.pad);
    expect(res?.status(), p.pad).toBeLessThan(500);
    if (p.voorbereiding === "codelijstVoorbeeld") {
      // Checking a list is a preview (nothing is stored); only then does the "laden" form exist.
      // The year the page suggests is always one it accepts.
      await page.getByLabel("CSV-bestand").setInputFiles({
        name: "gemeenten-proef.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          'gemeentecode,gemeentenaam,provincie\n0153,Enschede,Overijssel\n0363,"Amsterdam",Noord-Holland\n',
        ),
      });
      await page.getByRole("button", { name: "Bestand controleren" }).click();
      await expect(page.getByRole("button", { name: /^Codelijst \d{4} laden$/ })).toBeVisible();
    }
    if (p.voorbereiding === "campagneVoorbeeld") {
      // A campaign is sent from its preview: only after reading the mails does the send form exist.
      await page.getByRole("textbox", { name: "Titel" }).fill("Matrix");
      await page.getByRole("textbox", { name: "Toelichting" }).fill("Een toelichting van ten minste twintig tekens.");
      await page.getByRole("button", { name: "E-mails bekijken" }).click();
      await expect(page.getByRole("button", { name: /^Versturen naar / })).toBeVisible();
    }
    alle.push(...(await formulierenOp(page)).map((f) => ({ ...f, cookie })));
    await page.close();
  }
  await ctx.close();

  // Forms posting to a URL instead of an action land on a route handler, which the route CSRF table covers.
  const postDoelen = alle.flatMap((f) => (f.soort === "post" ? [f.doel] : []));
  for (const doel of postDoelen)
    expect(
      ROUTES.some((r) => r.patroon === doel && r.methoden.includes("POST")),
      doel,
    ).toBe(true);

  formulieren = alle.filter(
    (f): f is GevondenFormulier & { soort: "serveractie"; cookie: string } => f.soort === "serveractie",
  );
  const gevonden = new Set(formulieren.map((f) => f.actieId));
  const bekend = new Map(actiesVanBuild.map((a) => [a.id, `${a.bestand}#${a.naam}`]));
  expect(actiesVanBuild.length).toBeGreaterThanOrEqual(17);
  expect(
    actiesVanBuild.filter((a) => !gevonden.has(a.id)).map((a) => `${a.bestand}#${a.naam}`),
    "server actions die in geen enkel formulier staan (voeg de pagina of toestand toe aan formulierPaginas)",
  ).toEqual([]);
  expect(
    [...gevonden].filter((id) => !bekend.has(id)),
    "formulieren met een onbekende actie",
  ).toEqual([]);
});

/** The body React sends when a form's action is called as a fetch: bound arguments, then the (empty) FormData. */
function actieLichaam(f: { gebonden: unknown[] }): string {
  return JSON.stringify([...f.gebonden, "$K1"]);
}

test("geen server action doet iets voor een verzoek van een andere site", async () => {
  test.setTimeout(300_000);
  expect(formulieren.length).toBeGreaterThanOrEqual(actiesVanBuild.length);
  // One form per action and page: a form repeated per table row posts the same action.
  const uniek = [...new Map(formulieren.map((f) => [`${f.pagina} ${f.actieId}`, f])).values()];
  const naam = new Map(actiesVanBuild.map((a) => [a.id, a.naam]));
  for (const f of uniek) {
    const wat = `${naam.get(f.actieId)} op ${f.pagina}`;
    const voor = await toestand(w);
    const weigeringenVoor = geweigerdeServeracties().length;

    // As a fetch with the Next-Action header, from another site and from a sandboxed frame (Origin: null).
    for (const origin of [ANDERE_SITE, "null"]) {
      const u = await verstuur("POST", f.pagina, {
        cookie: f.cookie,
        headers: { "next-action": f.actieId, origin, "content-type": "text/plain;charset=UTF-8" },
        data: actieLichaam(f),
      });
      expect(u.status, `${wat} vanaf ${origin}`).toBe(500);
    }
    // As a plain HTML form another site could post (no custom header needed), with the form's own values.
    const multipart = Object.fromEntries(f.velden);
    const html = await verstuur("POST", f.pagina, {
      cookie: f.cookie,
      headers: { origin: ANDERE_SITE, "sec-fetch-site": "cross-site" },
      multipart,
    });
    expect(html.status, `${wat} als HTML-formulier vanaf een andere site`).toBe(500);
    // Refused by Next's Origin check, not by some other error on the way.
    expect(await wachtOpWeigeringen(weigeringenVoor, 3), wat).toEqual(["evil.example", "null", "evil.example"]);
    expect(await toestand(w), `${wat}: niets veranderd`).toEqual(voor);

    // The same request from the portal itself reaches the action (which turns the empty input down).
    const eigen = await verstuur("POST", f.pagina, {
      cookie: f.cookie,
      headers: {
        "next-action": f.actieId,
        origin: new URL(baseURL).origin,
        "content-type": "text/plain;charset=UTF-8",
      },
      data: actieLichaam(f),
    });
    expect(eigen.status, `${wat} vanaf het portaal zelf: ${eigen.tekst.slice(0, 200)}`).not.toBe(500);
    expect(eigen.headers["x-nextjs-action-not-found"], wat).toBeUndefined();
    expect(await toestand(w), `${wat} met lege invoer: niets veranderd`).toEqual(voor);
  }
});

test("de toestandsvergelijking ziet een echte wijziging door een server action", async () => {
  // Without this, "niets veranderd" above could be a comparison that never sees anything.
  const f = formulieren.find(
    (x) => actiesVanBuild.find((a) => a.id === x.actieId)?.naam === "maakTokenActie" && !x.pagina.includes("?"),
  );
  expect(f, "het formulier voor een nieuwe token").toBeDefined();
  // React's reply format: the FormData's fields (prefix _1_) before the root "0", which the server
  // reads as it streams in; an object literal would put "0" first.
  const lichaam = new FormData();
  lichaam.append("_1_code", /\/berichtgever\/(\d{4})\//.exec(f!.pagina)![1]!);
  lichaam.append("_1_naam", "Matrix controle");
  lichaam.append("0", actieLichaam(f!));
  const voor = await toestand(w);
  const u = await verstuur("POST", f!.pagina, {
    cookie: f!.cookie,
    headers: { "next-action": f!.actieId, origin: new URL(baseURL).origin },
    multipart: lichaam,
  });
  expect(u.status).toBe(200);
  expect(u.tekst).toContain('"status":"ok"');
  const na = await toestand(w);
  expect(na.tokens).not.toEqual(voor.tokens);
  await metDatabase((c) => c.query("UPDATE api_token SET revoked_at = now() WHERE naam = 'Matrix controle'"));
});

// ---------------------------------------------------------------------------------------------
// CSRF: route handlers that change something. Every non-GET method found on disk needs an entry.

type RouteCsrf = () => Promise<void>;

const VAN_ANDERE_SITE: Record<string, string>[] = [
  { "sec-fetch-site": "cross-site", origin: ANDERE_SITE },
  // A sibling subdomain is the same site: SameSite=Lax lets the cookie through, the Origin check does not.
  { "sec-fetch-site": "same-site", origin: "https://andere.cbs.example.nl" },
  // A browser without Sec-Fetch-Site still sends Origin.
  { origin: ANDERE_SITE },
];

function vanHetPortaal(): Record<string, string> {
  return { "sec-fetch-site": "same-origin", origin: new URL(baseURL).origin };
}

function routeCsrf(): Record<string, RouteCsrf> {
  const upload = JSON.stringify({ bestandsnaam: "SWI_0153_0153_20232.XML", grootte: 10 });
  return {
    // text/plain, as a cross-site <form enctype="text/plain"> or a no-cors fetch would send it.
    "POST /api/uploads": async () => {
      const voor = await toestand(w);
      for (const headers of VAN_ANDERE_SITE) {
        const u = await verstuur("POST", "/api/uploads?berichtgever=0153", {
          cookie: w.sessies.eigen.cookie,
          headers: { ...headers, "content-type": "text/plain" },
          data: upload,
        });
        expect(u.status, JSON.stringify(headers)).toBe(403);
      }
      expect((await toestand(w)).uploads).toEqual(voor.uploads);
      const eigen = await verstuur("POST", "/api/uploads?berichtgever=0153", {
        cookie: w.sessies.eigen.cookie,
        headers: { ...vanHetPortaal(), "content-type": "application/json" },
        data: upload,
      });
      expect(eigen.status).toBe(201);
    },
    "PUT /api/uploads/[uploadId]/delen/[n]": async () => {
      for (const headers of VAN_ANDERE_SITE) {
        const u = await verstuur("PUT", `/api/uploads/${w.uploads.metDelen}/delen/0`, {
          cookie: w.sessies.eigen.cookie,
          headers,
          data: Buffer.from("9876543210"),
        });
        expect(u.status, JSON.stringify(headers)).toBe(403);
      }
      const eigen = await verstuur("PUT", `/api/uploads/${w.uploads.metDelen}/delen/0`, {
        cookie: w.sessies.eigen.cookie,
        headers: vanHetPortaal(),
        data: Buffer.from("0123456789"),
      });
      expect(eigen.status).toBe(204);
    },
    "POST /api/uploads/[uploadId]/voltooien": async () => {
      const voor = await toestand(w);
      for (const headers of VAN_ANDERE_SITE) {
        const u = await verstuur("POST", `/api/uploads/${w.uploads.metDelen}/voltooien`, {
          cookie: w.sessies.eigen.cookie,
          headers,
        });
        expect(u.status, JSON.stringify(headers)).toBe(403);
      }
      // The session with its one part would have become a delivery.
      expect((await toestand(w)).leveringen).toEqual(voor.leveringen);
      const eigen = await verstuur("POST", `/api/uploads/${w.uploads.zonderDelen}/voltooien`, {
        cookie: w.sessies.eigen.cookie,
        headers: vanHetPortaal(),
      });
      expect(eigen.status).toBe(422);
    },
    // Another site must not be able to sign someone in with a link it holds (login CSRF).
    "POST /api/inloggen/bevestigen": async () => {
      const token = await maakInlogtoken(BACKUP_0153);
      const form = { token, email: BACKUP_0153, callbackUrl: "/" };
      for (const headers of VAN_ANDERE_SITE) {
        const u = await verstuur("POST", "/api/inloggen/bevestigen", { headers, form });
        expect(u.status, JSON.stringify(headers)).toBe(403);
      }
      const eigen = await verstuur("POST", "/api/inloggen/bevestigen", { headers: vanHetPortaal(), form });
      expect(eigen.status).toBe(303);
      expect(new URL(eigen.headers.location!).pathname).toBe("/api/auth/callback/email");
      // A GET of the callback itself (another site steering the browser there, a scanner, a pasted
      // link) signs nobody in: it lands on the confirmation page and the token stays unused.
      const bijDeCallback = await verstuur(
        "GET",
        `/api/auth/callback/email?${new URLSearchParams({ token, email: BACKUP_0153, callbackUrl: "/" })}`,
        { headers: { "sec-fetch-site": "cross-site" } },
      );
      expect(bijDeCallback.status).toBe(303);
      expect(new URL(bijDeCallback.headers.location!).pathname).toBe("/inloggen/bevestigen");
      expect(bijDeCallback.setCookies.filter((c) => c.includes("session-token="))).toEqual([]);
      const nogBruikbaar = await metDatabase((c) =>
        c.query("SELECT 1 FROM verification_token WHERE identifier = $1", [BACKUP_0153]),
      );
      expect(nogBruikbaar.rowCount).toBe(1);
      await metDatabase((c) => c.query("DELETE FROM verification_token WHERE identifier = $1", [BACKUP_0153]));
    },
    // next-auth: signing out and asking for a link take its double-submit CSRF token as well.
    "POST /api/auth/[...nextauth]": async () => {
      const sessie = await metDatabase((c) => maakSessie(c, w.userIds.backup0153));
      const nogDaar = async () =>
        (await metDatabase((c) => c.query("SELECT 1 FROM session WHERE session_token = $1", [sessie.cookie]))).rowCount;
      for (const headers of VAN_ANDERE_SITE) {
        const u = await verstuur("POST", "/api/auth/signout", {
          cookie: sessie.cookie,
          headers,
          form: { callbackUrl: "/" },
        });
        expect(u.status, JSON.stringify(headers)).toBe(403);
        const link = await verstuur("POST", "/api/auth/signin/email", { headers, form: { email: BACKUP_0153 } });
        expect(link.status, JSON.stringify(headers)).toBe(403);
      }
      // Without the CSRF token even a same-origin POST changes nothing.
      const zonderToken = await verstuur("POST", "/api/auth/signout", {
        cookie: sessie.cookie,
        headers: vanHetPortaal(),
        form: { callbackUrl: "/" },
      });
      expect(zonderToken.headers.location).toContain("csrf=true");
      expect(await nogDaar()).toBe(1);
      const tokens = await metDatabase((c) =>
        c.query("SELECT 1 FROM verification_token WHERE identifier = $1", [BACKUP_0153]),
      );
      expect(tokens.rowCount).toBe(0);
      // With it (read the way the portal's own page does), signing out works.
      const ctx = await playwrightRequest.newContext({
        baseURL,
        storageState: { cookies: [sessieCookie(sessie.cookie)], origins: [] },
      });
      const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const uit = await ctx.post("/api/auth/signout", {
        headers: vanHetPortaal(),
        form: { csrfToken, callbackUrl: "/" },
        maxRedirects: 0,
      });
      await ctx.dispose();
      expect(uit.status()).toBe(302);
      expect(await nogDaar()).toBe(0);
    },
    // Bearer tokens only; a browser never adds one by itself, and a session cookie counts for nothing.
    "POST /api/v1/leveringen": async () => {
      const u = await verstuur("POST", "/api/v1/leveringen", {
        cookie: w.sessies.eigen.cookie,
        headers: { "sec-fetch-site": "cross-site", origin: ANDERE_SITE },
        multipart: { bestand: "x" },
      });
      expect(u.status).toBe(401);
    },
  };
}

test("geen route die iets verandert is vanaf een andere site te bedienen", async () => {
  const tabel = routeCsrf();
  const veranderend = ROUTES.flatMap((r) =>
    r.methoden.filter((m) => !["GET", "HEAD", "OPTIONS"].includes(m)).map((m) => `${m} ${r.patroon}`),
  );
  expect(
    veranderend.filter((s) => !(s in tabel)),
    "routes zonder CSRF-regel",
  ).toEqual([]);
  expect(
    Object.keys(tabel).filter((s) => !veranderend.includes(s)),
    "CSRF-regels zonder route",
  ).toEqual([]);
  for (const sleutel of veranderend) await test.step(sleutel, tabel[sleutel]!);
});

test("in Chromium komt een formulier van een andere site niet verder dan de eerste controle", async ({ browser }) => {
  // The real thing: a page on another site posts a form to the upload API while the person is
  // signed in. Chromium keeps the SameSite=Lax cookie off, and the proxy refuses the foreign Origin.
  const ctx = await browser.newContext();
  await ctx.addCookies([sessieCookie(w.sessies.eigen.cookie)]);
  const bestandsnaam = "SWI_0153_0153_20233.XML";
  const veld = JSON.stringify({ bestandsnaam, grootte: 10, x: "" }).slice(0, -2);
  await ctx.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><form method="post" enctype="text/plain" action="${baseURL}/api/uploads?berichtgever=0153">
        <input type="hidden" name='${veld}' value='"}'><button>Verstuur</button></form>`,
    }),
  );
  const page = await ctx.newPage();
  await page.goto("http://evil.example/");
  const antwoord = page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/uploads`));
  await page.getByRole("button", { name: "Verstuur" }).click();
  const res = await antwoord;
  const verzoek = await res.request().allHeaders();
  expect(verzoek.origin).toBe("http://evil.example");
  // Kept off by SameSite=Lax: without the Origin check this would be a 401, never a 201.
  expect(verzoek.cookie ?? "").not.toContain("next-auth.session-token");
  expect(res.status()).toBe(403);
  await ctx.close();
  const r = await metDatabase((c) => c.query("SELECT 1 FROM upload_sessie WHERE bestandsnaam = $1", [bestandsnaam]));
  expect(r.rowCount).toBe(0);
});

test("elke cookie die het portaal zet is HttpOnly en SameSite", () => {
  // Collected from every answer above; the session cookie of a real sign-in: e2e/inloggen.spec.ts,
  // Secure under https: tests/sessiecookie.test.ts.
  const namen = new Set(gezetteCookies.map((c) => c.split("=")[0]));
  expect([...namen]).toEqual(expect.arrayContaining(["next-auth.csrf-token", "next-auth.session-token"]));
  for (const c of gezetteCookies) {
    const attributen = c.split(";").map((a) => a.trim().toLowerCase());
    expect(attributen, c).toContain("httponly");
    expect(
      attributen.some((a) => a === "samesite=lax" || a === "samesite=strict"),
      c,
    ).toBe(true);
  }
});
