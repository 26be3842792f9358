import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  KOLOMMEN,
  signaleringslijstCsv,
  signaleringslijstXlsx,
  type SignaleringslijstInvoer,
} from "./signaleringslijst";
import { regel } from "./regels";
import type { Signaal } from "./types";

function signaal(bsn: string, kenmerken: number[], rule: Signaal["rule"], extra: Partial<Signaal> = {}): Signaal {
  return {
    bsn,
    kenmerken,
    waarden: `kenmerk ${kenmerken.join("/")}`,
    rule,
    severity: "fout",
    message: `bericht ${rule} ${bsn}`,
    advies: `advies ${rule}`,
    ...extra,
  };
}

const invoer: SignaleringslijstInvoer = {
  fileName: "SWI_0153_0153_20262.XML",
  kop: {
    statistiekjaar: 2026,
    statistiekkwartaal: 2,
    statistiekcode: 40,
    naamSoftwarepakket: "ssd",
    versieSoftwarepakket: "1.0",
    berichtgevercode: "0153",
    gemeentecode: "0153",
  },
  signals: [
    signaal("123456782", [14, 13], "P09"),
    signaal("012345672", [35], "P21", { severity: "waarschuwing" }),
    signaal("123456782", [9], "P05", { severity: "waarschuwing" }),
    signaal("111222333", [20], "P01", { waarden: '=HYPERLINK("http://x")', message: "+fout", advies: "@advies" }),
    signaal("012345672", [12, 13, 15], "Q03"),
  ],
  fileSignals: [
    { rule: "F04", severity: "info", message: "Te laat ontvangen.", advies: "Lever op tijd." },
    { rule: "F01", severity: "waarschuwing", message: "Aantal personen wijkt af.", advies: "Controleer het aantal." },
  ],
  aantalPersonen: 2921,
  ontvangen: 20260710,
  aangemaakt: new Date("2026-07-10T10:00:00Z"),
  beschikbaarTot: new Date("2026-07-24T10:00:00Z"),
  omschrijvingRegel: (code) => `omschrijving ${code}`,
};

describe("signaleringslijstCsv", () => {
  const csv = signaleringslijstCsv(invoer);
  const rijen = parse(csv, { bom: true, delimiter: ";" }) as string[][];

  it("starts with a UTF-8 BOM and the Dutch header row, separated by semicolons", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(rijen[0]).toEqual([...KOLOMMEN]);
    expect(csv.split("\r\n")[0]).toBe("\uFEFF" + KOLOMMEN.join(";"));
  });

  it("puts file-level signals first with an empty BSN, then one row per signal by BSN and kenmerk", () => {
    expect(rijen).toHaveLength(1 + 2 + 5);
    expect(rijen.slice(1, 3).map((r) => [r[0], r[3], r[5]])).toEqual([
      ["", "F01", "waarschuwing"],
      ["", "F04", "info"],
    ]);
    expect(rijen.slice(3).map((r) => [r[0], r[1], r[3]])).toEqual([
      ["012345672", "12, 13, 15", "Q03"],
      ["012345672", "35", "P21"],
      ["111222333", "20", "P01"],
      ["123456782", "9", "P05"],
      ["123456782", "13, 14", "P09"],
    ]);
    expect(rijen[3]?.slice(4)).toEqual(["omschrijving Q03", "fout", "bericht Q03 012345672", "advies Q03"]);
  });

  it("keeps the BSN's leading zero and neutralises formulas", () => {
    expect(csv).toContain('"012345672"');
    const p01 = rijen.find((r) => r[3] === "P01")!;
    expect(p01[2]).toBe('\'=HYPERLINK("http://x")');
    expect(p01[6]).toBe("'+fout");
    expect(p01[7]).toBe("'@advies");
  });

  it("takes the rule description from the rule catalogue by default", () => {
    const zonder = { ...invoer, omschrijvingRegel: undefined };
    const uit = parse(signaleringslijstCsv(zonder), { bom: true, delimiter: ";" }) as string[][];
    const p09 = uit.find((r) => r[3] === "P09")!;
    expect(p09[4]).toBe(regel("P09").omschrijving);
    expect(p09[4]).not.toBe("P09");
  });

  it("is a header row only when there are no signals", () => {
    const leeg = parse(signaleringslijstCsv({ ...invoer, signals: [], fileSignals: [] }), {
      bom: true,
      delimiter: ";",
    }) as string[][];
    expect(leeg).toEqual([[...KOLOMMEN]]);
  });
});

describe("signaleringslijstXlsx", () => {
  async function lees(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const buffer = await signaleringslijstXlsx(invoer);
    // exceljs declares its own Buffer (an ArrayBuffer); a Node Buffer is what it reads at run time.
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb;
  }

  it("has the sheets Toelichting, Signalen and Bestandssignalen, in that order", async () => {
    const wb = await lees();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Toelichting", "Signalen", "Bestandssignalen"]);
  });

  it("explains the delivery and every column on the first sheet", async () => {
    const blad = (await lees()).getWorksheet("Toelichting")!;
    const waarden = new Map<string, string>();
    blad.eachRow((rij) => waarden.set(String(rij.getCell(1).value ?? ""), String(rij.getCell(2).value ?? "")));
    expect(waarden.get("Bestand")).toBe("SWI_0153_0153_20262.XML");
    expect(waarden.get("Berichtgevercode")).toBe("0153");
    expect(waarden.get("Gemeente")).toBe("0153");
    expect(waarden.get("Statistiekjaar en -kwartaal")).toBe("2026 kwartaal 2");
    expect(waarden.get("Ontvangen op")).toBe("10-07-2026");
    expect(waarden.get("Aantal personen in het bestand")).toBe("2921");
    expect(waarden.get("Signalen over personen")).toBe("5");
    expect(waarden.get("Aangemaakt op")).toMatch(/10-07-2026.*12:00/);
    expect(waarden.get("Beschikbaar tot")).toMatch(/24-07-2026/);
    for (const kolom of KOLOMMEN) expect(waarden.get(kolom), kolom).toBeTruthy();
  });

  it("writes one row per signal, sorted, with the BSN as a text cell", async () => {
    const blad = (await lees()).getWorksheet("Signalen")!;
    expect((blad.getRow(1).values as unknown[]).slice(1)).toEqual([...KOLOMMEN]);
    const rijen: unknown[][] = [];
    blad.eachRow((rij, n) => {
      if (n > 1) rijen.push((rij.values as unknown[]).slice(1));
    });
    expect(rijen.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["012345672", "12, 13, 15", "Q03"],
      ["012345672", "35", "P21"],
      ["111222333", "20", "P01"],
      ["123456782", "9", "P05"],
      ["123456782", "13, 14", "P09"],
    ]);
    const bsn = blad.getCell("A2");
    expect(bsn.type).toBe(ExcelJS.ValueType.String);
    expect(bsn.value).toBe("012345672");
    expect(bsn.numFmt).toBe("@");
    // A text cell, and neutralised like the CSV's: editing the cell in Excel (F2, Enter) would
    // otherwise turn a text that starts with "=" into a live formula.
    const p01 = blad.getRow(4);
    expect(p01.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(p01.getCell(3).value).toBe(`'=HYPERLINK("http://x")`);
  });

  it("lists the file-level signals on their own sheet", async () => {
    const blad = (await lees()).getWorksheet("Bestandssignalen")!;
    expect(blad.rowCount).toBe(3);
    expect(blad.getCell("A2").value).toBe("F01");
    expect(blad.getCell("B2").value).toBe("omschrijving F01");
    expect(blad.getCell("A3").value).toBe("F04");
    expect(blad.getCell("C3").value).toBe("info");
  });
});
