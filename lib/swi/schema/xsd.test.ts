/**
 * The hand-written XSD and format.ts describe the same file: same elements in the same order,
 * same occurrences, kenmerk numbers, value lists with the same Dutch labels, same patterns and
 * lengths.
 */
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import {
  KENMERK_NAMEN,
  SWI_FORMAAT,
  TOEGESTANE_TEKENS,
  type FormaatElement,
  type GroepElement,
  type Waardetype,
} from "../format";
import { leesXsd, XSD_PATH } from "./index";

interface XNode {
  naam: string;
  attrs: Record<string, string>;
  kinderen: XNode[];
  tekst: string;
}

function leesBoom(xml: string): XNode {
  const p = new SaxesParser({ xmlns: false });
  const stapel: XNode[] = [{ naam: "#doc", attrs: {}, kinderen: [], tekst: "" }];
  p.on("opentag", (t) => {
    const n: XNode = { naam: t.name, attrs: t.attributes as Record<string, string>, kinderen: [], tekst: "" };
    stapel.at(-1)!.kinderen.push(n);
    stapel.push(n);
  });
  p.on("text", (t) => (stapel.at(-1)!.tekst += t));
  p.on("closetag", () => void stapel.pop());
  p.write(xml).close();
  return stapel[0]!.kinderen[0]!;
}

const schema = leesBoom(leesXsd());
const kind = (n: XNode, naam: string) => n.kinderen.filter((k) => k.naam === naam);
const enig = (n: XNode, naam: string) => {
  const k = kind(n, naam);
  if (k.length !== 1) throw new Error(`verwacht één ${naam} in ${n.naam} ${JSON.stringify(n.attrs)}`);
  return k[0]!;
};
const documentatie = (n: XNode) => {
  const a = kind(n, "xs:annotation")[0];
  return a ? enig(a, "xs:documentation").tekst.trim() : undefined;
};
const benoemd = (soort: string, naam: string) => {
  const t = kind(schema, soort).find((n) => n.attrs.name === naam);
  if (!t) throw new Error(`${soort} ${naam} ontbreekt`);
  return t;
};

function occurs(n: XNode) {
  const max = n.attrs.maxOccurs ?? "1";
  return { min: Number(n.attrs.minOccurs ?? "1"), max: max === "unbounded" ? Infinity : Number(max) };
}

/** What format.ts says the simple type must look like. */
function verwachtFacetten(type: Waardetype) {
  switch (type.soort) {
    case "datum":
      return { patroon: "[0-9]{8}", enumeraties: [] };
    case "cijfers":
      return {
        patroon:
          type.minLengte === type.maxLengte ? `[0-9]{${type.minLengte}}` : `[0-9]{${type.minLengte},${type.maxLengte}}`,
        enumeraties: [],
      };
    case "code":
      return { patroon: undefined, enumeraties: type.waarden.map((w) => ({ code: w.code, label: w.label })) };
    case "vast":
      return { patroon: undefined, enumeraties: [{ code: type.waarde, label: type.label }] };
    case "tekst":
      return { patroon: "(tekst)", enumeraties: [], minLengte: type.minLengte, maxLengte: type.maxLengte };
  }
}

function vergelijkBlad(el: Extract<FormaatElement, { soort: "blad" }>, x: XNode) {
  expect(documentatie(x), el.naam).toBe(`Kenmerk ${el.kenmerk}: ${KENMERK_NAMEN[el.kenmerk]}`);
  const st = benoemd("xs:simpleType", x.attrs.type!);
  const r = enig(st, "xs:restriction");
  expect(r.attrs.base, el.naam).toBe("xs:string");
  const facetten = r.kinderen.filter((k) => k.naam !== "xs:annotation");
  const patronen = facetten.filter((f) => f.naam === "xs:pattern").map((f) => f.attrs.value!);
  const enumeraties = facetten
    .filter((f) => f.naam === "xs:enumeration")
    .map((f) => ({ code: f.attrs.value!, label: documentatie(f) }));
  const lengte = (n: string) => facetten.find((f) => f.naam === n)?.attrs.value;
  const verwacht = verwachtFacetten(el.type);
  expect(enumeraties, el.naam).toEqual(verwacht.enumeraties);
  if (verwacht.patroon === "(tekst)") {
    expect(patronen).toHaveLength(1);
    const re = new RegExp(`^(?:${patronen[0]})$`, "u");
    for (let c = 0; c < 0x300; c++) {
      const teken = String.fromCodePoint(c);
      expect(re.test(teken), `teken U+${c.toString(16)} in ${el.naam}`).toBe(TOEGESTANE_TEKENS.includes(teken));
    }
    for (const teken of ["€", "中", "😀"]) expect(re.test(teken)).toBe(false);
    expect(Number(lengte("xs:minLength"))).toBe(verwacht.minLengte);
    expect(Number(lengte("xs:maxLength"))).toBe(verwacht.maxLengte);
  } else {
    expect(patronen, el.naam).toEqual(verwacht.patroon === undefined ? [] : [verwacht.patroon]);
    expect(lengte("xs:minLength")).toBeUndefined();
    expect(lengte("xs:maxLength")).toBeUndefined();
  }
}

function vergelijkGroep(groep: GroepElement, complexType: XNode) {
  const seq = enig(complexType, "xs:sequence");
  const xs = kind(seq, "xs:element");
  expect(seq.kinderen.map((k) => k.naam).every((n) => n === "xs:element")).toBe(true);
  expect(
    xs.map((x) => x.attrs.name),
    groep.naam,
  ).toEqual(groep.kinderen.map((k) => k.naam));
  expect(kind(complexType, "xs:attribute")).toEqual([]);
  groep.kinderen.forEach((el, i) => {
    const x = xs[i]!;
    expect(occurs(x), el.naam).toEqual({ min: el.minOccurs, max: el.maxOccurs });
    if (el.soort === "blad") vergelijkBlad(el, x);
    else vergelijkGroep(el, x.attrs.type ? benoemd("xs:complexType", x.attrs.type) : enig(x, "xs:complexType"));
  });
}

describe("swi-2026.xsd", () => {
  it("is the file XSD_PATH points at", () => {
    expect(XSD_PATH).toMatch(/lib[/\\]swi[/\\]schema[/\\]swi-2026\.xsd$/);
    expect(leesXsd()).toContain("<xs:schema");
  });

  it("has no namespace and one global element, SWILevering", () => {
    expect(schema.naam).toBe("xs:schema");
    expect(schema.attrs.targetNamespace).toBeUndefined();
    expect(schema.attrs.elementFormDefault).toBe("unqualified");
    expect(kind(schema, "xs:element").map((e) => e.attrs.name)).toEqual([SWI_FORMAAT.naam]);
  });

  it("agrees with format.ts element by element", () => {
    const wortel = enig(schema, "xs:element");
    vergelijkGroep(SWI_FORMAAT, enig(wortel, "xs:complexType"));
  });

  it("declares no attributes and no unused types", () => {
    expect(leesXsd()).not.toContain("xs:attribute");
    const gebruikt = new Set(
      leesXsd()
        .match(/type="([A-Za-z0-9]+)"/g)!
        .map((m) => m.slice(6, -1)),
    );
    for (const t of [...kind(schema, "xs:simpleType"), ...kind(schema, "xs:complexType")]) {
      expect(gebruikt.has(t.attrs.name!), t.attrs.name).toBe(true);
    }
  });
});
