import { BoundedMemo } from './bounded-memo';
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CorpusEntity } from './types';

/**
 * The one place fuse.js is used, with its options and threshold: a fuzzy
 * lookup of a name the exact rules did not resolve ("Shoigou", "Gerassimov")
 * among the corpus's names and aliases. Searching a few hundred short names
 * is cheap; statements are never searched this way (the term index is).
 */
interface NameRow {
  alias: string;
  id: string;
  kind: CorpusEntity['kind'];
}

const FUSE_OPTIONS: IFuseOptions<NameRow> = {
  keys: ['alias'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.2,
  minMatchCharLength: 4,
};

/** Best fuse score (0 = exact) accepted as the same name. */
const MAX_SCORE = 0.15;
/**
 * Searchers and answers kept. A fuse.js index per block holds its rows five
 * times over (each block reaches two lengths either side), and pages keep
 * bringing new names: kept without end, the searchers alone grew a worker on a
 * 5,000-article corpus by 23 MB over 100 pages. A page's own lookups fit well
 * within both.
 */
const SEARCHERS_KEPT = 200;
const ANSWERS_KEPT = 10_000;

/**
 * Names are searched only among aliases of the same kind, first letter and
 * length (±2): a misspelling keeps those, and each block stays a few dozen
 * rows even in a corpus of thousands of names.
 */
function blockKey(kind: CorpusEntity['kind'], name: string, length = name.length): string {
  return `${kind}|${name[0]?.toLowerCase() ?? ''}|${length}`;
}

export class FuzzyNames {
  private readonly blocks = new Map<string, NameRow[]>();
  private readonly fuses: BoundedMemo<string, Fuse<NameRow>>;
  private readonly found: BoundedMemo<string, string | undefined>;

  constructor(
    entities: readonly CorpusEntity[],
    kept = { searchers: SEARCHERS_KEPT, answers: ANSWERS_KEPT },
  ) {
    this.fuses = new BoundedMemo(kept.searchers);
    this.found = new BoundedMemo(kept.answers);
    for (const e of entities) {
      for (const alias of [e.name, ...e.aliases]) {
        if (alias.length < 4) continue;
        const key = blockKey(e.kind, alias);
        if (!this.blocks.has(key)) this.blocks.set(key, []);
        this.blocks.get(key)!.push({ alias, id: e.id, kind: e.kind });
      }
    }
  }

  /** The entity whose name or alias is closest to `name`, if close enough and of the same kind. */
  find(name: string, kind: CorpusEntity['kind']): string | undefined {
    if (name.length < 4) return undefined;
    return this.found.get(`${kind}|${name}`, () => this.search(name, kind));
  }

  private search(name: string, kind: CorpusEntity['kind']): string | undefined {
    const [best] = this.fuseFor(kind, name).search(name, { limit: 1 });
    if (!best || best.score === undefined || best.score > MAX_SCORE) return undefined;
    // Only accept names of the same length class: a short alias must not swallow a long name.
    if (Math.abs(best.item.alias.length - name.length) > 2) return undefined;
    return best.item.id;
  }

  private fuseFor(kind: CorpusEntity['kind'], name: string): Fuse<NameRow> {
    return this.fuses.get(blockKey(kind, name), () => {
      const rows: NameRow[] = [];
      for (let d = -2; d <= 2; d++)
        rows.push(...(this.blocks.get(blockKey(kind, name, name.length + d)) ?? []));
      return new Fuse(rows, FUSE_OPTIONS);
    });
  }
}
