/** How dates and sizes read on the leveringen pages. No server imports: client components use it too. */
import { formatDatum } from "@/lib/swi/datum";
import type { Datum } from "@/lib/swi/types";

const MOMENT = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "23-11-2026 13:05" (Dutch time). */
export function momentTekst(d: Date | string): string {
  const parts = MOMENT.formatToParts(typeof d === "string" ? new Date(d) : d);
  const deel = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${deel("day")}-${deel("month")}-${deel("year")} ${deel("hour")}:${deel("minute")}`;
}

export function datumTekst(d: Datum): string {
  return formatDatum(d);
}

/** "1,5 MB", "830 kB", "12 bytes" (decimal comma, 1024-based like the upload limit). */
export function grootteTekst(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} kB`;
  const mb = kb / 1024;
  return `${mb.toFixed(1).replace(".", ",")} MB`;
}

export function kwartaalTekst(jaar: number | null, kwartaal: number | null): string {
  return jaar && kwartaal ? `${jaar} K${kwartaal}` : "onbekend";
}
