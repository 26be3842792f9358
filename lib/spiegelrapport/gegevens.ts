import type { Spiegelrapport } from "@/lib/swi/spiegelrapport";
import type { BestandSignaal } from "@/lib/swi/types";
import type { Trend } from "./trend";
import type { VergelijkingMetKwartaal } from "./vergelijking";

/** Everything a rendering of one delivery's spiegelrapport needs (page, PDF, CSV, API). */
export interface SpiegelrapportGegevens {
  levering: {
    id: string;
    bestandsnaam: string;
    status: "VERWERKT" | "VERVANGEN";
    ontvangenOp: Date;
    verwerktOp: Date | null;
  };
  berichtgever: { code: string; naam: string };
  gemeente: { code: string; naam: string | null };
  rapport: Spiegelrapport;
  /** F-rule findings about the file as a whole. */
  bestandSignalen: BestandSignaal[];
}

/** What a spiegelrapport is read against: its own earlier quarters and the other gemeenten. */
export interface SpiegelrapportOmgeving {
  trend: Trend;
  vergelijking: VergelijkingMetKwartaal;
}
