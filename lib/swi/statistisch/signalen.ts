/**
 * Collecting, ordering and de-duplicating signals. Severity and the default advice come from the
 * rule catalogue, so a rule's severity is defined in one place.
 */
import { ernstVan, regel, type Geval } from "../regels";
import type { EerdereRegelCode, PersoonRegelCode, Severity, Signaal } from "../types";

export type SignaalCode = PersoonRegelCode | EerdereRegelCode;

export class Signalen {
  readonly lijst: Signaal[] = [];

  voeg(
    bsn: string,
    rule: SignaalCode,
    kenmerken: number[],
    waarden: string,
    message: string,
    geval?: Geval,
    advies?: string,
  ): void {
    this.lijst.push({
      bsn,
      kenmerken,
      waarden,
      rule,
      severity: ernstVan(rule, geval) as Severity,
      message,
      advies: advies ?? regel(rule).watTeDoen,
    });
  }
}

function vergelijk(a: Signaal, b: Signaal): number {
  if (a.bsn !== b.bsn) return a.bsn < b.bsn ? -1 : 1;
  const ka = a.kenmerken[0] ?? 0;
  const kb = b.kenmerken[0] ?? 0;
  if (ka !== kb) return ka - kb;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  const n = Math.min(a.kenmerken.length, b.kenmerken.length);
  for (let i = 1; i < n; i++) {
    const verschil = (a.kenmerken[i] as number) - (b.kenmerken[i] as number);
    if (verschil !== 0) return verschil;
  }
  if (a.kenmerken.length !== b.kenmerken.length) return a.kenmerken.length - b.kenmerken.length;
  if (a.waarden !== b.waarden) return a.waarden < b.waarden ? -1 : 1;
  if (a.message !== b.message) return a.message < b.message ? -1 : 1;
  return 0;
}

function gelijk(a: Signaal, b: Signaal): boolean {
  return (
    a.bsn === b.bsn &&
    a.rule === b.rule &&
    a.waarden === b.waarden &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.kenmerken.length === b.kenmerken.length &&
    a.kenmerken.every((k, i) => k === b.kenmerken[i])
  );
}

/** Sorted by BSN, first kenmerk, rule (then the other kenmerken and the values, for a stable order); identical rows once. */
export function sorteerEnOntdubbel(signalen: Signaal[]): Signaal[] {
  signalen.sort(vergelijk);
  const uit: Signaal[] = [];
  for (const s of signalen) {
    const vorige = uit[uit.length - 1];
    if (vorige === undefined || !gelijk(vorige, s)) uit.push(s);
  }
  return uit;
}
