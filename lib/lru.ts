/**
 * A small in-process cache that keeps the `grootte` most recently used entries (a Map keeps
 * insertion order, so the first key is the least recently used). For values that are a pure
 * function of their key: a key must name everything the value depends on (a delivery's id and
 * updatedAt, not just its id), and whoever reads must have passed the access check before.
 */
export class Lru<K, V> {
  private readonly kaart = new Map<K, V>();

  constructor(private readonly grootte: number) {}

  get(sleutel: K): V | undefined {
    const waarde = this.kaart.get(sleutel);
    if (waarde === undefined) return undefined;
    this.kaart.delete(sleutel);
    this.kaart.set(sleutel, waarde);
    return waarde;
  }

  set(sleutel: K, waarde: V): void {
    this.kaart.delete(sleutel);
    this.kaart.set(sleutel, waarde);
    if (this.kaart.size > this.grootte) this.kaart.delete(this.kaart.keys().next().value as K);
  }

  get size(): number {
    return this.kaart.size;
  }
}
