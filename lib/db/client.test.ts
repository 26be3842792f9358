import { describe, expect, it } from "vitest";
import { poolSize } from "./client";
import { EMBEDDED_MAX_CONNECTIONS, EMBEDDED_POOLS } from "./embedded-pools";

describe("poolSize", () => {
  it("uses DB_POOL_MAX when it is a positive whole number", () => {
    expect(poolSize({ DB_POOL_MAX: "7" })).toBe(7);
    expect(poolSize({ DB_POOL_MAX: "0" })).toBe(10);
    expect(poolSize({ DB_POOL_MAX: "veel" })).toBe(10);
  });

  it("is smaller on the embedded database, which drops connections beyond its limit", () => {
    expect(poolSize({})).toBe(10);
    expect(poolSize({ SWI_EMBEDDED: "1" })).toBe(EMBEDDED_POOLS.app);
    expect(EMBEDDED_POOLS.app + EMBEDDED_POOLS.jobQueue).toBeLessThan(EMBEDDED_MAX_CONNECTIONS);
  });
});
