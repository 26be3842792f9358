/**
 * The hourly backfill of `bestand_telling` for deliveries accepted before it existed: the same counts
 * the processing stores, only for what a next quarter can compare with, and a file that cannot be
 * read is skipped without stopping the rest.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { registreerAanlevering } from "./ontvangst";
import { alsStroom, genereer, maakPijplijnOmgeving, type PijplijnOmgeving } from "./pijplijn.testhulp";
import { vulOntbrekendeTellingenAan } from "./tellingen-aanvullen";
import { verwerkAanlevering } from "./verwerking";

let omg: PijplijnOmgeving;
beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
});
afterAll(async () => omg?.close());

async function verwerkt(kwartaal: 1 | 2 | 3 | 4, seed: string) {
  const g = genereer({ statistiekjaar: 2024, kwartaal, seed });
  const r = await registreerAanlevering({
    berichtgeverId: omg.enschede.id,
    bestandsnaam: g.bestandsnaam,
    bron: "PORTAAL",
    inhoud: alsStroom(g.xml()),
  });
  await verwerkAanlevering(r.aanleveringId);
  const l = await getDb().levering.findUniqueOrThrow({ where: { id: r.leveringen[0]!.id } });
  expect(l.status).toBe("VERWERKT");
  expect(l.bestandTelling).not.toBeNull();
  return l;
}

const wis = (id: string) => getDb().$executeRaw`UPDATE levering SET bestand_telling = NULL WHERE id = ${id}`;
const telling = async (id: string) =>
  (await getDb().levering.findUniqueOrThrow({ where: { id }, select: { bestandTelling: true } })).bestandTelling;

describe("vulOntbrekendeTellingenAan", () => {
  it("stores the counts the processing would have stored, only where the comparison can use them", async () => {
    const gewoon = await verwerkt(1, "aanvullen-gewoon");
    const zonderBestand = await verwerkt(2, "aanvullen-weg");
    const proef = await verwerkt(3, "aanvullen-proef");
    const verwacht = gewoon.bestandTelling;
    for (const l of [gewoon, zonderBestand, proef]) await wis(l.id);
    await getDb().levering.update({ where: { id: zonderBestand.id }, data: { bestandVerwijderdOp: new Date() } });
    await getDb().levering.update({ where: { id: proef.id }, data: { proef: "ALLEEN_CONTROLEREN" } });

    const r = await vulOntbrekendeTellingenAan();
    expect(r).toEqual({ aangevuld: 1, nietTeLezen: 0 });
    expect(await telling(gewoon.id)).toEqual(verwacht);
    expect(await telling(zonderBestand.id)).toBeNull();
    expect(await telling(proef.id)).toBeNull();
    // Nothing left to do: a second run changes nothing.
    expect(await vulOntbrekendeTellingenAan()).toEqual({ aangevuld: 0, nietTeLezen: 0 });
  });

  it("skips a delivery whose stored file cannot be read, fills the others, and does not try it again", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const kapot = await verwerkt(4, "aanvullen-kapot");
    const goed = await verwerkt(1, "aanvullen-goed-2");
    const verwacht = goed.bestandTelling;
    await wis(kapot.id);
    await wis(goed.id);
    await getDb().levering.update({ where: { id: kapot.id }, data: { opslagSleutel: "bestaat/niet" } });

    expect(await vulOntbrekendeTellingenAan()).toEqual({ aangevuld: 1, nietTeLezen: 1 });
    expect(await telling(goed.id)).toEqual(verwacht);
    expect(await telling(kapot.id)).toBeNull();
    expect(await vulOntbrekendeTellingenAan()).toEqual({ aangevuld: 0, nietTeLezen: 0 });
    vi.restoreAllMocks();
  });
});
