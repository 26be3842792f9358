import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDatabaseOnbereikbaar, opnieuwBijStoring } from "./onbereikbaar";

// The shapes below are the ones postgres-herstart.test.ts meets for real; this pins the edges.
const prisma = (code: string, meta: Record<string, unknown> = {}) =>
  new Prisma.PrismaClientKnownRequestError("Invalid invocation", { code, clientVersion: "7", meta });

describe("isDatabaseOnbereikbaar", () => {
  it("recognises an unreachable or restarting database in each shape it arrives in", () => {
    expect(isDatabaseOnbereikbaar(prisma("P1001"))).toBe(true);
    // A restart cuts a pooled connection: Prisma's generic code, the SQLSTATE inside.
    expect(
      isDatabaseOnbereikbaar(
        prisma("P2039", {
          driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01" } },
        }),
      ),
    ).toBe(true);
    expect(isDatabaseOnbereikbaar({ cause: { kind: "ConnectionClosed" } })).toBe(true);
    // pg-boss: raw pg errors.
    const geweigerd = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      syscall: "connect",
    });
    expect(isDatabaseOnbereikbaar(geweigerd)).toBe(true);
    expect(isDatabaseOnbereikbaar(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(
      isDatabaseOnbereikbaar(Object.assign(new Error("the database system is starting up"), { code: "57P03" })),
    ).toBe(true);
  });

  it("does not mistake other failures for an outage", () => {
    // An uploader whose connection dropped.
    expect(isDatabaseOnbereikbaar(Object.assign(new Error("aborted"), { code: "ECONNRESET" }))).toBe(false);
    expect(isDatabaseOnbereikbaar(prisma("P2002"))).toBe(false);
    expect(isDatabaseOnbereikbaar(Object.assign(new Error("no space"), { code: "ENOSPC" }))).toBe(false);
    expect(isDatabaseOnbereikbaar(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseOnbereikbaar(null)).toBe(false);
  });
});

describe("opnieuwBijStoring", () => {
  it("tries again through an outage, and gives up on anything else at once", async () => {
    let pogingen = 0;
    const werk = async () => {
      if (++pogingen < 3) throw prisma("P1001");
      return "klaar";
    };
    expect(await opnieuwBijStoring(werk, 5000)).toBe("klaar");
    expect(pogingen).toBe(3);

    let fout = 0;
    await expect(
      opnieuwBijStoring(async () => {
        fout++;
        throw new TypeError("fout in de code");
      }, 5000),
    ).rejects.toThrow(TypeError);
    expect(fout).toBe(1);
    await expect(opnieuwBijStoring(async () => Promise.reject(prisma("P1001")), 300)).rejects.toMatchObject({
      code: "P1001",
    });
  });
});
