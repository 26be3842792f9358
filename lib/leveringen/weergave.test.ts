import { describe, expect, it } from "vitest";
import { grootteTekst, kwartaalTekst, momentTekst } from "./weergave";

describe("weergave", () => {
  it("shows moments in Dutch time, across the switch to winter time", () => {
    expect(momentTekst(new Date("2026-11-23T13:05:00Z"))).toBe("23-11-2026 14:05");
    expect(momentTekst("2026-07-01T22:30:00Z")).toBe("02-07-2026 00:30");
  });

  it("shows sizes with a decimal comma", () => {
    expect(grootteTekst(1)).toBe("1 byte");
    expect(grootteTekst(1023)).toBe("1023 bytes");
    expect(grootteTekst(2048)).toBe("2 kB");
    expect(grootteTekst(200 * 1024 * 1024)).toBe("200,0 MB");
    expect(grootteTekst(1.55 * 1024 * 1024)).toBe("1,6 MB");
  });

  it("says a quarter is unknown when the header could not be read", () => {
    expect(kwartaalTekst(2026, 3)).toBe("2026 K3");
    expect(kwartaalTekst(null, null)).toBe("onbekend");
  });
});
