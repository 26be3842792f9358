import crypto from "node:crypto";
import { Readable } from "node:stream";
import { vi } from "vitest";
import { Ontsleutelaar } from "./versleuteling";

/** Test support (not a test file): deterministic, never-in-memory-at-once plaintext streams. */

export function sha256(data: Buffer | string): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/**
 * `totaal` bytes from a seeded generator in 64 KiB pieces; `verwacht` resolves to the sha256 of
 * what was produced, computed while producing it.
 */
export function gegenereerdeStroom(totaal: number, zaad = "swi"): { stroom: Readable; verwacht: Promise<string> } {
  const hash = crypto.createHash("sha256");
  let klaar!: (h: string) => void;
  const verwacht = new Promise<string>((r) => (klaar = r));
  let gemaakt = 0;
  let teller = 0;
  const stroom = new Readable({
    read() {
      if (gemaakt >= totaal) {
        klaar(hash.digest("hex"));
        this.push(null);
        return;
      }
      const n = Math.min(64 * 1024, totaal - gemaakt);
      const stuk = Buffer.alloc(n);
      const basis = crypto.createHash("sha256").update(`${zaad}:${teller++}`).digest();
      for (let i = 0; i < n; i += basis.length) basis.copy(stuk, i, 0, Math.min(basis.length, n - i));
      hash.update(stuk);
      gemaakt += n;
      this.push(stuk);
    },
  });
  return { stroom, verwacht };
}

/** Reads a stream to the end, keeping what arrived before an error so tests can inspect it. */
export async function leesAlles(stroom: Readable): Promise<{ data: Buffer; fout?: unknown }> {
  const delen: Buffer[] = [];
  try {
    for await (const stuk of stroom) delen.push(stuk as Buffer);
    return { data: Buffer.concat(delen) };
  } catch (fout) {
    return { data: Buffer.concat(delen), fout };
  }
}

export async function hashVanStroom(stroom: Readable): Promise<{ grootte: number; sha256: string }> {
  const hash = crypto.createHash("sha256");
  let grootte = 0;
  for await (const stuk of stroom) {
    hash.update(stuk as Buffer);
    grootte += (stuk as Buffer).length;
  }
  return { grootte, sha256: hash.digest("hex") };
}

export async function verzamel(iter: AsyncIterable<string>): Promise<string[]> {
  const uit: string[] = [];
  for await (const x of iter) uit.push(x);
  return uit;
}

/**
 * Like `leesAlles`, but also records every byte the decryptor ever released (pushed), including
 * bytes a destroyed stream would drop before the consumer sees them. That is what proves no
 * unauthenticated plaintext left the decryptor.
 */
export async function leesOnderToezicht(
  open: () => Promise<Readable>,
): Promise<{ data: Buffer; fout?: unknown; vrijgegeven: Buffer }> {
  const spion = vi.spyOn(Ontsleutelaar.prototype, "push");
  try {
    const { data, fout } = await leesAlles(await open());
    const vrijgegeven = Buffer.concat(
      spion.mock.calls.map(([stuk]) => (stuk == null ? Buffer.alloc(0) : Buffer.from(stuk as Buffer))),
    );
    return { data, fout, vrijgegeven };
  } finally {
    spion.mockRestore();
  }
}
