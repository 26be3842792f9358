import { describe, expect, it } from "vitest";
import { MINIMUM_CEL, MINIMUM_GEMEENTEN, vergelijk, type Figuur, type GemeenteTelling } from "./vergelijking";
import { grootteklasse } from "./grootteklasse";

const FIGUREN: Figuur[] = [
  { sleutel: "personen.totaal", groep: "Personen", omschrijving: "Personen", eenheid: "aantal" },
  { sleutel: "typeMigrant.1", groep: "Type migrant", omschrijving: "Asielstatushouder", eenheid: "procent" },
];

function telling(code: string, personen: number, asiel: number): GemeenteTelling {
  return {
    gemeentecode: code,
    personen,
    waarden: {
      "personen.totaal": { teller: personen, noemer: personen },
      "typeMigrant.1": { teller: asiel, noemer: personen },
    },
  };
}

describe("vergelijk", () => {
  it("pools the shares of every gemeente and of the gemeenten of the same size class", () => {
    const eigen = telling("0001", 50, 20);
    const alle = [
      eigen,
      telling("0002", 60, 30),
      telling("0003", 70, 35),
      telling("0004", 80, 40),
      telling("0005", 90, 45),
      telling("0006", 2000, 1000),
    ];
    const v = vergelijk(FIGUREN, eigen, alle);
    expect(v.klasse).toBe("klein");
    expect(v.landelijk).toEqual({ gemeenten: 6, getoond: true });
    expect(v.klasseGroep).toEqual({ gemeenten: 5, getoond: true });
    const [personen, asiel] = v.rijen;
    expect(personen!.eigen).toBe(50);
    expect(personen!.landelijk).toEqual({ soort: "waarde", waarde: 2350 });
    expect(personen!.klasse).toEqual({ soort: "waarde", waarde: 350 });
    expect(asiel!.eigen).toBe(40);
    expect(asiel!.landelijk).toEqual({ soort: "waarde", waarde: (1170 / 2350) * 100 });
    expect(asiel!.klasse).toEqual({ soort: "waarde", waarde: (170 / 350) * 100 });
    expect(v.kleineCellen).toBe(0);
  });

  it(`suppresses a group of fewer than ${MINIMUM_GEMEENTEN} gemeenten, also when it has many persons`, () => {
    const eigen = telling("0001", 5000, 2000);
    const alle = [eigen, telling("0002", 6000, 3000), telling("0003", 7000, 3000), telling("0004", 8000, 4000)];
    const v = vergelijk(FIGUREN, eigen, alle);
    expect(v.landelijk).toEqual({ gemeenten: 4, getoond: false });
    for (const rij of v.rijen) {
      expect(rij.landelijk).toEqual({ soort: "onderdrukt", reden: "weinig-gemeenten" });
      expect(rij.klasse).toEqual({ soort: "onderdrukt", reden: "weinig-gemeenten" });
    }
    // The gemeente's own figures stay: they are its own delivery.
    expect(v.rijen[0]!.eigen).toBe(5000);
    // A gemeente delivered twice in one quarter (two berichtgevers) counts once towards the five.
    const dubbel = vergelijk(FIGUREN, eigen, [...alle, telling("0004", 10, 5)]);
    expect(dubbel.landelijk.getoond).toBe(false);
    expect(vergelijk(FIGUREN, eigen, [...alle, telling("0005", 10, 5)]).landelijk.getoond).toBe(true);
  });

  it(`suppresses a cell of fewer than ${MINIMUM_CEL} persons, and a share whose remainder is that small`, () => {
    const eigen = telling("0001", 20, 1);
    const alle = [
      eigen,
      telling("0002", 20, 2),
      telling("0003", 20, 3),
      telling("0004", 20, 1),
      telling("0005", 20, 2),
    ];
    const v = vergelijk(FIGUREN, eigen, alle);
    // 9 asielstatushouders among 100 persons: under 10.
    expect(v.rijen[1]!.landelijk).toEqual({ soort: "onderdrukt", reden: "kleine-cel" });
    expect(v.rijen[1]!.klasse).toEqual({ soort: "onderdrukt", reden: "kleine-cel" });
    expect(v.rijen[0]!.landelijk).toEqual({ soort: "waarde", waarde: 100 });
    expect(v.kleineCellen).toBe(2);
    expect(v.rijen[1]!.eigen).toBe(5);

    // Exactly 10 is shown.
    const tien = [
      eigen,
      telling("0002", 20, 2),
      telling("0003", 20, 3),
      telling("0004", 20, 2),
      telling("0005", 20, 2),
    ];
    expect(vergelijk(FIGUREN, eigen, tien).rijen[1]!.landelijk).toEqual({ soort: "waarde", waarde: 10 });

    // 95 of 100: the 5 others could be worked out from the share and the total.
    const bijnaAlle = [
      telling("0001", 20, 19),
      telling("0002", 20, 19),
      telling("0003", 20, 19),
      telling("0004", 20, 19),
      telling("0005", 20, 19),
    ];
    expect(vergelijk(FIGUREN, bijnaAlle[0]!, bijnaAlle).rijen[1]!.landelijk).toEqual({
      soort: "onderdrukt",
      reden: "kleine-cel",
    });
    // Everyone (nobody outside) is no small cell.
    const iedereen = bijnaAlle.map((t) => telling(t.gemeentecode, 20, 20));
    expect(vergelijk(FIGUREN, iedereen[0]!, iedereen).rijen[1]!.landelijk).toEqual({ soort: "waarde", waarde: 100 });
  });

  it("a total under 10 persons is suppressed too", () => {
    const alle = ["0001", "0002", "0003", "0004", "0005"].map((c) => telling(c, 1, 0));
    const v = vergelijk(FIGUREN, alle[0]!, alle);
    expect(v.rijen[0]!.landelijk).toEqual({ soort: "onderdrukt", reden: "kleine-cel" });
  });

  it("the size class is the one the kwaliteitsonderzoek uses, by the persons delivered", () => {
    const groot = telling("0001", 1500, 700);
    const alle = [groot, ...["0002", "0003", "0004", "0005", "0006"].map((c) => telling(c, 50, 20))];
    const v = vergelijk(FIGUREN, groot, alle);
    expect(v.klasse).toBe(grootteklasse(1500));
    expect(v.klasseGroep).toEqual({ gemeenten: 1, getoond: false });
    expect(v.landelijk.getoond).toBe(true);
  });
});
