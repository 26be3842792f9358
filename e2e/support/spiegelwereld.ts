/**
 * Processed deliveries in quarters long past (2022 K4 – 2023 K2, before the 8 quarters the start
 * pages show), so the spiegelrapport of 0153 has a trend and a comparison: 2022 K4 is its first
 * delivery; in 2023 K1 only two gemeenten delivered (the comparison is suppressed); in 2023 K2 all
 * five seeded gemeenten did, one of them twice (the replaced one must not count). Fixed ids, so
 * every spec that needs it may call it and the rows are written once.
 */
import crypto from "node:crypto";
import { voorbeeldRapport } from "../../lib/spiegelrapport/voorbeeldrapport.testhulp";
import { metDatabase } from "./db";

export const SPIEGEL_IDS = {
  eerste: "spiegel2022k4g0153",
  weinig: "spiegel2023k1g0153",
  vergeleken: "spiegel2023k2g0153",
} as const;

interface Rij {
  id: string;
  berichtgever: string;
  gemeente: string;
  jaar: number;
  kwartaal: number;
  personen: number;
  status?: "VERWERKT" | "VERVANGEN";
  ontvangen: string;
}

const RIJEN: Rij[] = [
  {
    id: SPIEGEL_IDS.eerste,
    berichtgever: "0153",
    gemeente: "0153",
    jaar: 2022,
    kwartaal: 4,
    personen: 40,
    ontvangen: "2023-01-10",
  },
  {
    id: SPIEGEL_IDS.weinig,
    berichtgever: "0153",
    gemeente: "0153",
    jaar: 2023,
    kwartaal: 1,
    personen: 50,
    ontvangen: "2023-04-10",
  },
  {
    id: "spiegel2023k1g0363",
    berichtgever: "0363",
    gemeente: "0363",
    jaar: 2023,
    kwartaal: 1,
    personen: 80,
    ontvangen: "2023-04-11",
  },
  {
    id: SPIEGEL_IDS.vergeleken,
    berichtgever: "0153",
    gemeente: "0153",
    jaar: 2023,
    kwartaal: 2,
    personen: 60,
    ontvangen: "2023-07-10",
  },
  {
    id: "spiegel2023k2g0363",
    berichtgever: "0363",
    gemeente: "0363",
    jaar: 2023,
    kwartaal: 2,
    personen: 90,
    ontvangen: "2023-07-11",
  },
  {
    id: "spiegel2023k2g0147",
    berichtgever: "9012",
    gemeente: "0147",
    jaar: 2023,
    kwartaal: 2,
    personen: 45,
    ontvangen: "2023-07-11",
  },
  {
    id: "spiegel2023k2g0164",
    berichtgever: "9012",
    gemeente: "0164",
    jaar: 2023,
    kwartaal: 2,
    personen: 70,
    ontvangen: "2023-07-11",
  },
  {
    id: "spiegel2023k2g0164oud",
    berichtgever: "9012",
    gemeente: "0164",
    jaar: 2023,
    kwartaal: 2,
    personen: 900,
    status: "VERVANGEN",
    ontvangen: "2023-07-05",
  },
  {
    id: "spiegel2023k2g1735",
    berichtgever: "9012",
    gemeente: "1735",
    jaar: 2023,
    kwartaal: 2,
    personen: 55,
    ontvangen: "2023-07-11",
  },
];

export async function zaaiSpiegelwereld(): Promise<void> {
  await metDatabase(async (c) => {
    for (const r of RIJEN) {
      const { rapport, bestandSignalen } = voorbeeldRapport({
        aantalPersonen: r.personen,
        seed: r.id,
        metVorige: false,
      });
      const opgeslagen = {
        ...rapport,
        gemeentecode: r.gemeente,
        berichtgevercode: r.berichtgever,
        statistiekjaar: r.jaar,
        statistiekkwartaal: r.kwartaal,
      };
      await c.query(
        `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte,
           sha256, status, bron, ontvangen_op, verwerkt_op, aantal_personen, aantal_fouten, aantal_signalen, spiegelrapport,
           bestand_signalen, updated_at)
         SELECT $1, b.id, $2, $3, $4, $5, 1234, $6, $7, 'PORTAAL', $8, $8, $9, 0, 0, $10, $11, now()
         FROM berichtgever b WHERE b.code = $12
         ON CONFLICT (id) DO NOTHING`,
        [
          r.id,
          r.gemeente,
          r.jaar,
          r.kwartaal,
          `SWI_${r.berichtgever}_${r.gemeente}_${r.jaar}${r.kwartaal}.XML`,
          crypto.createHash("sha256").update(r.id).digest("hex"),
          r.status ?? "VERWERKT",
          new Date(`${r.ontvangen}T09:00:00Z`),
          rapport.personen,
          JSON.stringify(opgeslagen),
          JSON.stringify(bestandSignalen),
          r.berichtgever,
        ],
      );
    }
  });
}
