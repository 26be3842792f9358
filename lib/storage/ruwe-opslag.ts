import type { Readable } from "node:stream";

/**
 * What a backend must do with bytes it never understands (they are already ciphertext):
 * store atomically, hand back, forget, enumerate. Encryption lives above this line, so a new
 * backend cannot forget it.
 */
export interface RuweOpslag {
  /** Consumes `geheim` completely; the object appears only when everything was stored. */
  schrijf(sleutel: string, geheim: Readable): Promise<void>;
  /** Throws OpslagFout NIET_GEVONDEN when there is no such object. */
  lees(sleutel: string): Promise<Readable>;
  verwijder(sleutel: string): Promise<void>;
  bestaat(sleutel: string): Promise<boolean>;
  lijst(prefix: string): AsyncIterable<string>;
  sluit(): Promise<void>;
}
