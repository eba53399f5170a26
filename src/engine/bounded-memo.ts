/**
 * A memo that starts afresh once it holds `limit` entries. The engine's memos
 * (word facts, name keys, folded names, term weights, statement facts, name searchers) fill
 * from a large corpus when it is indexed and from every page after: kept
 * without end, they grew a worker by hundreds of megabytes. A page's own
 * entries come back on first use after a fresh start, so a limit well above
 * what one page needs costs nothing measurable.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, made by `make` the first time (and again after a fresh start). */
  get(key: K, make: (key: K) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) return known as V;
    const value = make(key);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
