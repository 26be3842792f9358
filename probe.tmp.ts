import { leesAanlevering } from "./lib/swi/intake";
import { statistischeControle } from "./lib/swi/statistisch";
import { codelijstVoorJaar } from "./lib/swi/gemeenten";
import type { GeparsteLevering } from "./lib/swi/types";
async function main() {
  const ctx = { received: 20260710, codelijst: codelijstVoorJaar };
  const lev: GeparsteLevering[] = [];
  for (const f of ["SWI_0153_0153_20261.XML", "SWI_0153_0153_20262.XML"]) {
    const t0 = Date.now();
    for await (const u of leesAanlevering({ naam: f, pad: "/tmp/" + f }, ctx)) {
      console.log(f, u.accepted, u.errorCount, u.errors.slice(0, 5), Date.now() - t0, "ms");
      if (u.levering) lev.push(u.levering);
    }
  }
  const [v, h] = lev;
  const r1 = statistischeControle(v!, [], { received: 20260410 });
  const r2 = statistischeControle(h!, [v!], { received: 20260710 });
  for (const [n, r] of [["vorige", r1], ["huidige", r2]] as const) {
    const per = new Map<string, number>();
    for (const s of r.signals) per.set(s.rule, (per.get(s.rule) ?? 0) + 1);
    console.log(n, r.signals.length, [...per], r.fileSignals);
    for (const code of per.keys()) console.log(JSON.stringify(r.signals.find(s => s.rule === code)));
  }
}
main();
