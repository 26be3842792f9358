import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { maakTestDatabase, type TestDatabase } from "@/lib/db/database.testhulp";
import { maakTeller } from "./limieten";

let t: TestDatabase;
let tweede: Db;

beforeAll(async () => {
  t = await maakTestDatabase();
  // A second client with its own pool: what a second web instance would have.
  tweede = createDb(t.url, 2);
});

afterAll(async () => {
  await tweede?.$disconnect();
  await t?.close();
});

beforeEach(async () => {
  process.env.SWI_LIMIET_API_PER_MINUUT = "3";
  await t.db.rateLimiet.deleteMany();
});

it("telt per sleutel en noemt de wachttijd zodra de grens bereikt is", async () => {
  const tel = maakTeller(t.db);
  for (let i = 0; i < 3; i++) expect((await tel("api", "token-a")).toegestaan).toBe(true);
  const vierde = await tel("api", "token-a");
  expect(vierde.toegestaan).toBe(false);
  expect(vierde.wachtSeconden).toBeGreaterThan(0);
  expect(vierde.wachtSeconden).toBeLessThanOrEqual(60);
  expect((await tel("api", "token-b")).toegestaan).toBe(true);
});

it("twee webinstanties op dezelfde database delen één telling", async () => {
  const eerste = maakTeller(t.db);
  const andere = maakTeller(tweede);
  expect((await eerste("api", "token-a")).toegestaan).toBe(true);
  expect((await andere("api", "token-a")).toegestaan).toBe(true);
  expect((await eerste("api", "token-a")).toegestaan).toBe(true);
  // Per process this would be the second request of each; together it is the fourth.
  expect((await andere("api", "token-a")).toegestaan).toBe(false);
  expect((await eerste("api", "token-a")).toegestaan).toBe(false);
});

it("telt gelijktijdige verzoeken van twee instanties allemaal mee", async () => {
  const [een, twee] = [maakTeller(t.db), maakTeller(tweede)];
  const oordelen = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? een : twee)("api", "token-c")));
  expect(oordelen.filter((o) => o.toegestaan)).toHaveLength(3);
});

it("bewaart geen e-mailadressen of tokens als sleutel", async () => {
  await maakTeller(t.db)("inlogPerAdres", "persoon@gemeente.example.nl");
  const rijen = await t.db.rateLimiet.findMany();
  expect(rijen).toHaveLength(1);
  expect(rijen[0]!.key).not.toContain("persoon");
  expect(rijen[0]!.key.startsWith("inlogPerAdres:")).toBe(true);
});
