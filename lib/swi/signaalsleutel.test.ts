import { describe, expect, it } from "vitest";
import { isGemarkeerd, signaalSleutel, vorigKwartaalTekst } from "./signaalsleutel";

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);
const s = { bsn: "010336783", rule: "P09" as const, waarden: "a = 1" };

describe("signaalSleutel", () => {
  it("is the same for the same person, rule and values, and holds no BSN", () => {
    expect(signaalSleutel(k1, s)).toBe(signaalSleutel(k1, { ...s }));
    expect(signaalSleutel(k1, s)).not.toContain(s.bsn);
  });
  it("differs per key, person, rule and values", () => {
    const a = signaalSleutel(k1, s);
    expect(signaalSleutel(k2, s)).not.toBe(a);
    expect(signaalSleutel(k1, { ...s, bsn: "010336784" })).not.toBe(a);
    expect(signaalSleutel(k1, { ...s, rule: "P10" })).not.toBe(a);
    expect(signaalSleutel(k1, { ...s, waarden: "a = 2" })).not.toBe(a);
  });
  it("cannot be fooled by moving text between the fields", () => {
    expect(signaalSleutel(k1, { bsn: "1", rule: "P09", waarden: "2" })).not.toBe(
      signaalSleutel(k1, { bsn: "1P", rule: "09" as "P09", waarden: "2" }),
    );
  });
});

describe("vorig kwartaal", () => {
  it("flags only a 'wordt hersteld' that came back", () => {
    expect(isGemarkeerd({ reactie: "WORDT_HERSTELD" })).toBe(true);
    expect(isGemarkeerd({ reactie: "VRAAG" })).toBe(false);
    expect(isGemarkeerd(undefined)).toBe(false);
    expect(vorigKwartaalTekst({ reactie: null })).toBe("ook vorig kwartaal");
    expect(vorigKwartaalTekst(undefined)).toBe("");
  });
});
