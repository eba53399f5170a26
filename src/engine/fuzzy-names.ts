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

export class FuzzyNames {
  private readonly fuse: Fuse<NameRow>;

  constructor(entities: readonly CorpusEntity[]) {
    const rows = entities.flatMap((e) =>
      [e.name, ...e.aliases]
        .filter((alias) => alias.length >= 4)
        .map((alias) => ({ alias, id: e.id, kind: e.kind })),
    );
    this.fuse = new Fuse(rows, FUSE_OPTIONS);
  }

  /** The entity whose name or alias is closest to `name`, if close enough and of the same kind. */
  find(name: string, kind: CorpusEntity['kind']): string | undefined {
    if (name.length < 4) return undefined;
    const [best] = this.fuse.search(name, { limit: 1 });
    if (!best || best.score === undefined || best.score > MAX_SCORE || best.item.kind !== kind)
      return undefined;
    // Only accept names of the same length class: a short alias must not swallow a long name.
    if (Math.abs(best.item.alias.length - name.length) > 2) return undefined;
    return best.item.id;
  }
}
