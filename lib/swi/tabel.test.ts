import { describe, expect, it } from "vitest";
import { csvStroom, csvTekst, veiligeCel } from "./tabel";

const AANVALLEN = ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];

describe("the one table writer", () => {
  it("neutralises every text cell that a spreadsheet would evaluate, and keeps numbers numbers", () => {
    for (const a of AANVALLEN) expect(veiligeCel(a)).toBe(`'${a}`);
    expect(veiligeCel(-3)).toBe(-3);
    expect(veiligeCel("gewoon")).toBe("gewoon");
    expect(veiligeCel(null)).toBe("");
    const csv = csvTekst(
      [
        ["kop", "getal"],
        [AANVALLEN[0], -3],
        ["0153", 12],
      ],
      { aanhalen: /^\d{4}$/ },
    );
    expect(csv).toBe('\uFEFFkop;getal\r\n"\'=HYPERLINK(""http://x"",""klik"")";-3\r\n"0153";12\r\n');
  });

  it("does the same row by row for long exports", async () => {
    const s = csvStroom();
    s.write(["=cmd|' /C calc'!A0", "Mozilla"]);
    s.write([1, null]);
    s.end();
    let uit = "";
    for await (const d of s) uit += String(d);
    expect(uit).toBe("\uFEFF'=cmd|' /C calc'!A0;Mozilla\r\n1;\r\n");
  });
});
