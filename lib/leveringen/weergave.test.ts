import { describe, expect, it } from "vitest";
import { grootteTekst, kwartaalTekst } from "./weergave";

describe("weergave", () => {
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
