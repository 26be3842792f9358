import { describe, expect, it } from "vitest";
import { clientAdres, MAX_USER_AGENT, SOCKET_ADRES_HEADER, userAgent } from "./client-adres";

const kop = (h: Record<string, string>) => new Headers(h);

describe("clientAdres", () => {
  it("zonder eigen proxy: het adres van de socket, wat de client ook in X-Forwarded-For zet", () => {
    const h = kop({
      "x-forwarded-for": "203.0.113.7",
      "x-real-ip": "203.0.113.8",
      [SOCKET_ADRES_HEADER]: "198.51.100.1",
    });
    expect(clientAdres(h, 0)).toBe("198.51.100.1");
    expect(clientAdres(kop({ "x-forwarded-for": "203.0.113.7" }), 0)).toBeNull();
  });

  it("met N eigen proxy's: het N-de adres van rechts, niet het linkse dat de client schreef", () => {
    const h = kop({ "x-forwarded-for": "10.9.9.9, 203.0.113.7, 192.0.2.50", [SOCKET_ADRES_HEADER]: "10.0.0.2" });
    expect(clientAdres(h, 1)).toBe("192.0.2.50");
    expect(clientAdres(h, 2)).toBe("203.0.113.7");
  });

  it("een kortere keten dan N is helemaal door eigen proxy's geschreven: de linkse is de client", () => {
    expect(clientAdres(kop({ "x-forwarded-for": "192.0.2.50" }), 2)).toBe("192.0.2.50");
    expect(clientAdres(kop({ [SOCKET_ADRES_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("leest IPv4 op een dual-stack-socket als IPv4", () => {
    expect(clientAdres(kop({ [SOCKET_ADRES_HEADER]: "::ffff:192.0.2.1" }), 0)).toBe("192.0.2.1");
    expect(clientAdres(kop({ [SOCKET_ADRES_HEADER]: "2001:db8::1" }), 0)).toBe("2001:db8::1");
  });
});

it("kort een user-agent af tot 512 tekens", () => {
  expect(userAgent(kop({ "user-agent": "x".repeat(10_000) }))).toHaveLength(MAX_USER_AGENT);
  expect(userAgent(kop({}))).toBeNull();
});
