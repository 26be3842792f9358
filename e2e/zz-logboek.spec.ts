import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { e2eVarDir } from "./support/browser";

/** The BSN eleven-test (weights 9..2 and -1): a 9-digit number that passes it could be a BSN. */
function lijktBsn(s: string): boolean {
  if (s === "000000000") return false;
  const som = [...s].reduce((t, c, i) => t + Number(c) * (i === 8 ? -1 : 9 - i), 0);
  return som % 11 === 0;
}

// Runs last (files run in name order): by now every other spec has uploaded, processed, mailed and
// downloaded deliveries full of BSNs. None of them may have reached what the servers printed.
test("geen BSN in de logregels van web- en workerproces na de hele e2e-run", async () => {
  const log = fs.readFileSync(path.join(e2eVarDir(), "server.log"), "utf8");
  expect(log.length).toBeGreaterThan(0);
  const verdacht = (log.match(/(?<!\d)\d{9}(?!\d)/g) ?? []).filter(lijktBsn);
  expect(verdacht).toEqual([]);
});
