/** The BSN eleven-test (T08). */

/** Nine ASCII digits (a BSN keeps its leading zero). */
export function isNegenCijfers(bsn: string): boolean {
  if (bsn.length !== 9) return false;
  for (let i = 0; i < 9; i++) {
    const c = bsn.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Weights 9, 8, …, 2, −1; the sum must be divisible by 11; 000000000 passes the sum but is no BSN. */
export function voldoetAanElfproef(bsn: string): boolean {
  if (!isNegenCijfers(bsn)) return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += (bsn.charCodeAt(i) - 48) * (9 - i);
  som -= bsn.charCodeAt(8) - 48;
  return som % 11 === 0 && bsn !== "000000000";
}
