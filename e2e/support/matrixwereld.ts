/**
 * The data e2e/toegangsmatrix.spec.ts runs on, written straight into the e2e database: sessions
 * per actor (next-auth database sessions, so a row in `session` is a login), API tokens, one
 * processed delivery of 0153 with its spiegelrapport and signaleringslijst, upload sessions, and
 * what makes every form of the staff pages appear. Everything has its own ids and addresses
 * (prefix "matrix"), so the seeded users' own sessions and tokens, which other specs use, stay
 * untouched.
 */
import crypto from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import type pg from "pg";
import { maakOpslag } from "../../lib/storage";
import { maakSleutelbos } from "../../lib/storage/hoofdsleutel";
import { maakTekstkluis } from "../../lib/storage/tekstkluis";
import { voorbeeldRapport } from "../../lib/spiegelrapport/voorbeeldrapport.testhulp";
import { signaleringslijstCsv, signaleringslijstXlsx } from "../../lib/swi/signaleringslijst";
import { e2eVarDir } from "./browser";
import { metDatabase } from "./db";

export const BACKUP_0153 = "matrix.backup@enschede.example.nl";
export const CBS_UIT = "matrix.uitgeschakeld@cbs.example.nl";
export const CP_PROEF = "matrix.contact@proef.example.nl";
export const MISLUKT_AAN = "matrix.mislukt@proef.example.nl";

/** The secret scripts/e2e-server.ts gives the portal; sign-in tokens are stored hashed with it. */
const E2E_NEXTAUTH_SECRET = "e2e-geheim-alleen-voor-tests-0123456789abcdef";

export interface Sessie {
  userId: string;
  cookie: string;
}

export interface Matrixwereld {
  userIds: { cbs: string; cp0153: string; cp0363: string; backup0153: string; cbsUit: string; cpProef: string };
  sessies: {
    andere: Sessie;
    eigen: Sessie;
    backup: Sessie;
    cbs: Sessie;
    sessieWeg: Sessie;
    gebruikerUit: Sessie;
  };
  tokens: { eigen: string; eigenId: string; andere: string; ingetrokken: string };
  levering: { id: string; sha256: string; bestandsnaam: string };
  /** An accepted proeflevering of 0153 (the "vrijgeven" form). */
  proefleveringId: string;
  campagneId: string;
  uploads: { metDelen: string; zonderDelen: string };
  inactieveCode: string;
}

function willekeurig(n = 24): string {
  return crypto.randomBytes(n).toString("base64url");
}

function nieuwId(soort: string): string {
  return `matrix${soort}${crypto.randomBytes(6).toString("hex")}`;
}

export async function maakSessie(c: pg.Client, userId: string): Promise<Sessie> {
  const cookie = `matrix-${willekeurig()}`;
  await c.query(
    `INSERT INTO session (id, session_token, user_id, expires) VALUES ($1, $2, $3, now() + interval '8 hours')`,
    [nieuwId("s"), cookie, userId],
  );
  return { userId, cookie };
}

async function maakToken(c: pg.Client, code: string, ingetrokken: boolean): Promise<{ id: string; waarde: string }> {
  const waarde = `swi_matrix${willekeurig(32)}`;
  const id = nieuwId("t");
  const r = await c.query(
    `INSERT INTO api_token (id, berichtgever_id, naam, token_hash, prefix, created_by_id, revoked_at)
     SELECT $1, b.id, $2, $3, $4, cp.user_id, $5
     FROM berichtgever b JOIN contactpersoon cp ON cp.berichtgever_id = b.id WHERE b.code = $6`,
    [
      id,
      ingetrokken ? "Matrix ingetrokken" : `Matrix ${code}`,
      crypto.createHash("sha256").update(waarde).digest("hex"),
      waarde.slice(0, 12),
      ingetrokken ? new Date() : null,
      code,
    ],
  );
  if (r.rowCount !== 1) throw new Error(`Geen token gemaakt voor ${code}`);
  return { id, waarde };
}

async function idVan(c: pg.Client, sql: string, params: unknown[]): Promise<string> {
  const r = await c.query<{ id: string }>(sql, params);
  if (!r.rows[0]) throw new Error(`Niet gevonden: ${sql} ${JSON.stringify(params)}`);
  return r.rows[0].id;
}

/** A processed delivery of 0153 with the engine's spiegelrapport and a stored signaleringslijst. */
async function berichtgeverId(c: pg.Client): Promise<string> {
  return (await c.query<{ id: string }>("SELECT id FROM berichtgever WHERE code = '0153'")).rows[0]!.id;
}

async function verwerkteLevering(c: pg.Client): Promise<Matrixwereld["levering"]> {
  const { rapport, bestandSignalen } = voorbeeldRapport();
  const id = nieuwId("l");
  const sha256 = crypto.randomBytes(32).toString("hex");
  const bestandsnaam = "SWI_0153_0153_20261.XML";
  await c.query(
    `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte,
       sha256, status, bron, ontvangen_op, verwerkt_op, aantal_personen, aantal_fouten, aantal_signalen, spiegelrapport,
       bestand_signalen, updated_at)
     SELECT $1, b.id, '0153', 2026, 1, $2, 1234, $3, 'VERWERKT', 'PORTAAL', now(), now(), $4, 0, 1, $5, $6, now()
     FROM berichtgever b WHERE b.code = '0153'`,
    [id, bestandsnaam, sha256, rapport.personen, JSON.stringify(rapport), JSON.stringify(bestandSignalen)],
  );
  await c.query(
    `INSERT INTO signaleringslijst (id, levering_id, verloopt_op, csv_sleutel, xlsx_sleutel, aantal_signalen)
     VALUES ($1, $1, now() + interval '14 days', 'signaleringslijsten/' || $1 || '.csv', 'signaleringslijsten/' || $1 || '.xlsx', 1)`,
    [id],
  );
  // The files as the pipeline stores them, encrypted with the e2e server's key (scripts/e2e-server.ts).
  const opslag = maakOpslag({
    backend: "local",
    map: path.resolve(e2eVarDir(), "opslag"),
    hoofdsleutel: Buffer.alloc(32, 7),
  });
  const invoer = {
    fileName: bestandsnaam,
    kop: {
      statistiekjaar: 2026,
      statistiekkwartaal: 1,
      statistiekcode: 40,
      naamSoftwarepakket: "matrix",
      versieSoftwarepakket: "1",
      berichtgevercode: "0153",
      gemeentecode: "0153",
    },
    signals: [
      {
        bsn: "010336783",
        kenmerken: [13, 14],
        waarden: "OntzorgenBegindatum (13) = 20240425",
        rule: "P09",
        severity: "fout",
        message: "Einde vóór begin.",
        advies: "Corrigeer.",
      },
    ],
    fileSignals: [],
  } as const satisfies Parameters<typeof signaleringslijstCsv>[0];
  await opslag.schrijf(`signaleringslijsten/${id}.csv`, Readable.from([Buffer.from(signaleringslijstCsv(invoer))]));
  await opslag.schrijf(`signaleringslijsten/${id}.xlsx`, Readable.from([await signaleringslijstXlsx(invoer)]));
  // Its signal, with an open question to CBS (the answer forms on both sides), as lib/leveringen/signalen.ts stores it.
  const kluis = maakTekstkluis(maakSleutelbos(Buffer.alloc(32, 7)));
  const signaalId = nieuwId("s");
  const s = invoer.signals[0];
  await c.query(
    `INSERT INTO levering_signaal (id, levering_id, berichtgever_id, volgnummer, regel, ernst, sleutel, inhoud, reactie,
       toelichting, reactie_door, reactie_op)
     SELECT $1, $2, b.id, 1, 'P09', 'fout', 'matrix-sleutel', $3, 'VRAAG', $4, 'Matrix', now()
     FROM berichtgever b WHERE b.code = '0153'`,
    [
      signaalId,
      id,
      kluis.versleutel(
        JSON.stringify({ bsn: s.bsn, kenmerken: "13, 14", waarden: s.waarden, toelichting: s.message }),
        `levering_signaal:${id}`,
      ),
      kluis.versleutel("Matrixvraag over dit signaal", `levering_signaal_tekst:${signaalId}`),
    ],
  );
  // A general conversation of 0153 quoting a BSN (lib/berichten/berichten.ts).
  await c.query(
    `INSERT INTO bericht (id, berichtgever_id, afzender_user_id, afzender_naam, van_cbs, tekst)
     SELECT $1, b.id, 'matrix', 'Matrix 0153 algemeen', false, $2 FROM berichtgever b WHERE b.code = '0153'`,
    [nieuwId("b"), kluis.versleutel("Matrixbericht over BSN 010336783", `bericht:${await berichtgeverId(c)}`)],
  );
  return { id, sha256, bestandsnaam };
}

export async function bouwMatrixwereld(): Promise<Matrixwereld> {
  return metDatabase(async (c) => {
    const user = (email: string) => idVan(c, "SELECT id FROM app_user WHERE email = $1", [email]);
    const bg = (code: string) => idVan(c, "SELECT id FROM berichtgever WHERE code = $1", [code]);
    const b0153 = await bg("0153");
    const cbs = await user("beheer@cbs.example.nl");
    const cp0153 = await user("contactpersoon@enschede.example.nl");
    const cp0363 = await user("contactpersoon@amsterdam.example.nl");

    // A back-up user of 0153 (uploads, no person-level downloads) and a staff member who is switched off.
    await c.query(
      `INSERT INTO app_user (id, email, naam, rol, berichtgever_id, updated_at)
       VALUES ('matrixbackup0153', $1, 'Bas Matrix', 'BACKUP', $2, now()) ON CONFLICT (email) DO NOTHING`,
      [BACKUP_0153, b0153],
    );
    await c.query(
      `INSERT INTO app_user (id, email, naam, rol, updated_at)
       VALUES ('matrixcbsuit', $1, 'Uitgeschakelde Medewerker', 'CBS', now()) ON CONFLICT (email) DO NOTHING`,
      [CBS_UIT],
    );
    const backup0153 = await user(BACKUP_0153);
    const cbsUit = await user(CBS_UIT);

    // A berichtgever of its own whose latest delivery has P09 signals (the campaign form needs
    // one), and a deactivated one (the "activeren" form).
    await c.query(
      `INSERT INTO berichtgever (id, code, naam, updated_at) VALUES ('matrixbg7390', '7390', 'Matrix Proefdienst', now())
       ON CONFLICT (code) DO NOTHING`,
    );
    await c.query(
      `INSERT INTO app_user (id, email, naam, rol, berichtgever_id, updated_at)
       VALUES ('matrixcp7390', $1, 'Carla Proef', 'CONTACTPERSOON', 'matrixbg7390', now()) ON CONFLICT (email) DO NOTHING`,
      [CP_PROEF],
    );
    await c.query(
      `INSERT INTO contactpersoon (berichtgever_id, user_id) VALUES ('matrixbg7390', 'matrixcp7390') ON CONFLICT DO NOTHING`,
    );
    await c.query(
      `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte,
         sha256, status, bron, ontvangen_op, aantal_personen, aantal_signalen, spiegelrapport, updated_at)
       VALUES ('matrixl7390', 'matrixbg7390', '0200', 2026, 1, 'SWI_7390_0200_20261.XML', 1, $1, 'VERWERKT', 'PORTAAL',
         now(), 10, 2, '{"signalenPerRegel": {"P09": 2}}', now())
       ON CONFLICT (id) DO NOTHING`,
      [crypto.randomBytes(32).toString("hex")],
    );
    await c.query(
      `INSERT INTO berichtgever (id, code, naam, actief, updated_at)
       VALUES ('matrixbg7391', '7391', 'Matrix Opgeheven Dienst', false, now()) ON CONFLICT (code) DO NOTHING`,
    );
    // A mail the SMTP server refused for good (the "opnieuw versturen" form).
    await c.query(
      `INSERT INTO mail_bericht (id, aan, onderwerp, sjabloon, status, pogingen, laatste_fout)
       VALUES ('matrixmislukt', $1, 'Matrix proefbericht', 'welkom', 'MISLUKT', 5, '550 mailbox unavailable')
       ON CONFLICT (id) DO NOTHING`,
      [MISLUKT_AAN],
    );

    const campagneId = nieuwId("c");
    await c.query(
      `INSERT INTO campagne (id, titel, toelichting, regels, aangemaakt_door_id)
       VALUES ($1, 'Matrix proefcampagne', 'Alleen voor de toegangsmatrix.', ARRAY['P09'], $2)`,
      [campagneId, cbs],
    );

    // A kwaliteitsonderzoek with one berichtgever in it (the "gesprek vastleggen" form).
    const onderzoekId = nieuwId("k");
    await c.query(
      `INSERT INTO kwaliteitsonderzoek (id, jaar, seed, aantallen, aangemaakt_door_id)
       VALUES ($1, 2026, 'matrix-steekproef', '{"groot":0,"middel":0,"klein":1}', $2)`,
      [onderzoekId, cbs],
    );
    await c.query(
      `INSERT INTO kwaliteitsonderzoek_deelnemer (id, onderzoek_id, berichtgever_id, grootteklasse, aantal_personen)
       VALUES ($1, $2, $3, 'klein', 10)`,
      [nieuwId("kd"), onderzoekId, b0153],
    );

    const levering = await verwerkteLevering(c);
    const proefleveringId = nieuwId("p");
    await c.query(
      `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte,
         sha256, status, bron, ontvangen_op, verwerkt_op, aantal_personen, aantal_fouten, aantal_signalen, proef, updated_at)
       VALUES ($1, $2, '0153', 2026, 1, 'SWI_0153_0153_20261.XML', 1234, $3, 'VERWERKT', 'PORTAAL', now(), now(), 10, 0, 0,
         'ALLEEN_CONTROLEREN', now())`,
      [proefleveringId, b0153, crypto.randomBytes(32).toString("hex")],
    );

    const upload = async () => {
      const id = nieuwId("u");
      await c.query(
        `INSERT INTO upload_sessie (id, berichtgever_id, user_id, bestandsnaam, grootte, delen)
         VALUES ($1, $2, $3, 'SWI_0153_0153_20231.XML', 10, 1)`,
        [id, b0153, cp0153],
      );
      return id;
    };

    const sessies: Matrixwereld["sessies"] = {
      andere: await maakSessie(c, cp0363),
      eigen: await maakSessie(c, cp0153),
      backup: await maakSessie(c, backup0153),
      cbs: await maakSessie(c, cbs),
      sessieWeg: await maakSessie(c, cp0153),
      gebruikerUit: await maakSessie(c, cbsUit),
    };
    // Revoked after the login: the browser still holds the cookie and sends it.
    await c.query("DELETE FROM session WHERE session_token = $1", [sessies.sessieWeg.cookie]);
    await c.query("UPDATE app_user SET actief = false, updated_at = now() WHERE id = $1", [cbsUit]);

    const eigenToken = await maakToken(c, "0153", false);
    return {
      userIds: { cbs, cp0153, cp0363, backup0153, cbsUit, cpProef: await user(CP_PROEF) },
      sessies,
      tokens: {
        eigen: eigenToken.waarde,
        eigenId: eigenToken.id,
        andere: (await maakToken(c, "0363", false)).waarde,
        ingetrokken: (await maakToken(c, "0153", true)).waarde,
      },
      levering,
      proefleveringId,
      campagneId,
      uploads: { metDelen: await upload(), zonderDelen: await upload() },
      inactieveCode: "7391",
    };
  });
}

/** A sign-in token as next-auth stores it (hashed with the secret); returns the value for the link. */
export async function maakInlogtoken(email: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("hex");
  const hash = crypto.createHash("sha256").update(`${token}${E2E_NEXTAUTH_SECRET}`).digest("hex");
  await metDatabase((c) =>
    c.query(
      `INSERT INTO verification_token (identifier, token, expires) VALUES ($1, $2, now() + interval '15 minutes')`,
      [email, hash],
    ),
  );
  return token;
}

/**
 * Everything a server action or a state-changing route could change, as one comparable value.
 * Left out is what the worker changes on its own meanwhile (mail delivery status, processing).
 */
export async function toestand(w: Matrixwereld): Promise<Record<string, unknown[]>> {
  const ids = Object.values(w.userIds);
  const vragen: Record<string, [string, unknown[]?]> = {
    berichtgever: ["SELECT id, code, naam, actief FROM berichtgever ORDER BY id"],
    gebruikers: ["SELECT id, email, naam, telefoon, rol, berichtgever_id, actief FROM app_user ORDER BY id"],
    contactpersonen: ["SELECT berichtgever_id, user_id FROM contactpersoon ORDER BY berichtgever_id"],
    contactpersoonHistorie: ["SELECT id FROM contactpersoon_historie ORDER BY id"],
    gemeenten: ["SELECT id, gemeentecode, vanaf_jaar, tot_en_met_jaar FROM berichtgever_gemeente ORDER BY id"],
    tokens: ["SELECT id, naam, revoked_at FROM api_token ORDER BY id"],
    campagnes: ["SELECT id FROM campagne ORDER BY id"],
    signalen: ["SELECT id, reactie, toelichting, antwoord, gesloten_op FROM levering_signaal ORDER BY id"],
    berichten: ["SELECT id FROM bericht ORDER BY id"],
    kwaliteitsonderzoek: ["SELECT id FROM kwaliteitsonderzoek ORDER BY id"],
    gesprekken: ["SELECT id, gesprek_op, notities FROM kwaliteitsonderzoek_deelnemer ORDER BY id"],
    herinneringen: ["SELECT id FROM herinnering WHERE soort = 'HANDMATIG' ORDER BY id"],
    codelijsten: ["SELECT jaar, bron FROM gemeente_lijst ORDER BY jaar"],
    mails: ["SELECT id, aan FROM mail_bericht ORDER BY id"],
    misluktemails: ["SELECT id, status FROM mail_bericht WHERE id = 'matrixmislukt'"],
    uploads: ["SELECT id, user_id FROM upload_sessie ORDER BY id"],
    leveringen: ["SELECT id FROM levering ORDER BY id"],
    sessies: ["SELECT session_token FROM session WHERE user_id = ANY($1) ORDER BY session_token", [ids]],
    inlogtokens: ["SELECT identifier, token FROM verification_token ORDER BY identifier, token"],
    audit: ["SELECT id, actie FROM audit_log WHERE actor_user_id = ANY($1) ORDER BY id", [ids]],
  };
  return metDatabase(async (c) => {
    const uit: Record<string, unknown[]> = {};
    for (const [naam, [sql, params]] of Object.entries(vragen)) uit[naam] = (await c.query(sql, params)).rows;
    return uit;
  });
}
