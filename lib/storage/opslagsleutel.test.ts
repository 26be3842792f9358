import { describe, expect, it } from "vitest";
import { controleerPrefix, controleerSleutel } from "./opslagsleutel";

describe("opslagsleutels", () => {
  it.each(["leveringen/abc123.xml", "signaleringslijsten/2026-q1_0363.csv", "a", "a/b/c-d_e.f.g"])(
    "accepteert %s",
    (s) => {
      expect(controleerSleutel(s)).toBe(s);
    },
  );

  it.each([
    "../x",
    "/etc/passwd",
    "a\\b",
    "..",
    "a/..",
    "a/../b",
    "a..b",
    "./a",
    ".a",
    "a/.b",
    "a//b",
    "a/",
    "",
    "A",
    "a b",
    "a\u0000b",
    "é",
    "C:/x",
    "x".repeat(513),
  ])("weigert %j", (s) => {
    expect(() => controleerSleutel(s)).toThrow(expect.objectContaining({ code: "ONGELDIGE_SLEUTEL" }));
  });

  it("voorvoegsels: leeg, hele mappen of een begin van een naam; nooit omhoog", () => {
    for (const p of ["", "leveringen/", "leveringen/ab", "lev"]) expect(controleerPrefix(p)).toBe(p);
    for (const p of ["../", "/", "/etc", "a//", "..", "a/../"]) {
      expect(() => controleerPrefix(p)).toThrow(expect.objectContaining({ code: "ONGELDIGE_SLEUTEL" }));
    }
  });
});
