/**
 * The worker's last line of defence: pg-boss rejects its own complete/fail when the database went
 * away at that moment, and nobody awaits that promise. Such a rejection must be survived (logged),
 * every other unhandled rejection must still end the process.
 */
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { overleefVerlorenDatabase } from "./worker";

function nepProces() {
  const proces = new EventEmitter() as EventEmitter & { exit: ReturnType<typeof vi.fn> };
  proces.exit = vi.fn();
  overleefVerlorenDatabase(proces as unknown as NodeJS.Process);
  return proces;
}

afterEach(() => vi.restoreAllMocks());

describe("overleefVerlorenDatabase", () => {
  it("logs a rejection that only says the database is unreachable, and keeps running", () => {
    const waarschuwing = vi.spyOn(console, "warn").mockImplementation(() => {});
    const proces = nepProces();
    const onbereikbaar = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
    proces.emit("unhandledRejection", onbereikbaar);
    proces.emit(
      "unhandledRejection",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", syscall: "connect" }),
    );
    expect(proces.exit).not.toHaveBeenCalled();
    expect(waarschuwing).toHaveBeenCalledTimes(2);
    expect(String(waarschuwing.mock.calls[0]![0])).toContain("database tijdelijk niet bereikbaar");
  });

  it("ends the process on any other unhandled rejection: that is a bug", () => {
    const fout = vi.spyOn(console, "error").mockImplementation(() => {});
    const proces = nepProces();
    proces.emit("unhandledRejection", new TypeError("Cannot read properties of undefined"));
    expect(proces.exit).toHaveBeenCalledWith(1);
    expect(fout).toHaveBeenCalled();
  });

  it("does not take a dropped upload connection for an outage", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const proces = nepProces();
    proces.emit("unhandledRejection", Object.assign(new Error("aborted"), { code: "ECONNRESET", syscall: "read" }));
    expect(proces.exit).toHaveBeenCalledWith(1);
  });
});
