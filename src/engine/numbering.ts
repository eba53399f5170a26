/**
 * Numbers distinct keys in order of first appearance and keeps one value per
 * key: a table that many rows point into by number, so that each value is
 * stored (or sent) once however many rows repeat it.
 */
export class Numbering<K, V = K> {
  readonly values: V[] = [];
  private readonly numbers = new Map<K, number>();

  /** The number of `key`; a new key gets the next number and `value()` (the key itself by default). */
  numberOf(key: K, value: () => V = () => key as unknown as V): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value());
      this.numbers.set(key, n);
    }
    return n;
  }
}
