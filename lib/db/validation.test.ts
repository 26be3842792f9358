import { describe, expect, it } from "vitest";
import { BERICHTGEVERCODE_MELDING, berichtgeverCodeSchema, gemeentecodeSchema } from "./validation";

describe("berichtgeverCodeSchema", () => {
  it.each(["0153", "0363", "1895", "9999", " 0153 "])("accepts %j", (code) => {
    expect(berichtgeverCodeSchema.parse(code)).toBe(code.trim());
  });

  it.each(["153", "01534", "ABCD", "", "01 3", "０１５３", 153])("refuses %j with the Dutch message", (code) => {
    const result = berichtgeverCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([BERICHTGEVERCODE_MELDING]);
  });

  it("says what a code looks like", () => {
    expect(BERICHTGEVERCODE_MELDING).toBe("De berichtgevercode bestaat uit precies 4 cijfers, bijvoorbeeld 0153.");
  });
});

describe("gemeentecodeSchema", () => {
  it("keeps the leading zero and refuses three digits", () => {
    expect(gemeentecodeSchema.parse("0014")).toBe("0014");
    expect(gemeentecodeSchema.safeParse("14").success).toBe(false);
  });
});
