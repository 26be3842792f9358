import { beforeEach, expect, it } from "vitest";
import { tel, vergeetLimieten } from "./limieten";

beforeEach(() => {
  process.env.SWI_LIMIET_API_PER_MINUUT = "3";
  vergeetLimieten();
});

it("telt per sleutel en noemt de wachttijd zodra de grens bereikt is", async () => {
  for (let i = 0; i < 3; i++) expect((await tel("api", "token-a")).toegestaan).toBe(true);
  const vierde = await tel("api", "token-a");
  expect(vierde.toegestaan).toBe(false);
  expect(vierde.wachtSeconden).toBeGreaterThan(0);
  expect(vierde.wachtSeconden).toBeLessThanOrEqual(60);
  expect((await tel("api", "token-b")).toegestaan).toBe(true);
});
