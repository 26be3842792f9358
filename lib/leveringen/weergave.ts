/** How dates and sizes read on the leveringen pages. No server imports: client components use it too. */

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
