import type { ArticleInput } from '../../src/engine/corpus-build';
import type { Corpus, CorpusEntity, CorpusRelation, CorpusStatement } from '../../src/engine/types';
import { seededRandom, type Random } from './prng';
import { DEFAULT_STORY_OPTIONS, Story, type Rewritten, type StoryOptions } from './story-rewrite';

/**
 * Synthetic news articles for timing the corpus builder and the engine at
 * scale. Articles come in stories of a few outlets each: each article
 * recombines 20 to 40 statements of a real corpus (the seeds), rewritten for
 * its story by `Story`, so the stories differ in names, words, numbers and
 * dates while every story has the cross-outlet overlap real coverage has.
 */
export interface SyntheticOptions extends StoryOptions {
  /** Seed label: the same label and count give the same articles. */
  label: string;
  articlesPerStory: [number, number];
  sentencesPerArticle: [number, number];
}

export const DEFAULT_SYNTHETIC_OPTIONS: SyntheticOptions = {
  ...DEFAULT_STORY_OPTIONS,
  label: 'crosscheck-bench',
  articlesPerStory: [3, 7],
  sentencesPerArticle: [20, 40],
};

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2012, 0, 1);
const SPAN_DAYS = 13 * 365;

/** One synthetic article before it becomes text or corpus entries. */
interface Draft {
  story: number;
  file: string;
  outlet: string;
  published: string;
  title: Rewritten;
  /** Indices into the recombinable pool, in article order. */
  picks: number[];
  sentences: Rewritten[];
  /** Sentences grouped into paragraphs: how many sentences each paragraph holds. */
  paragraphSizes: number[];
}

/** The statements of a corpus worth recombining: body sentences, not the repeated headlines. */
export function recombinable(corpus: Corpus): CorpusStatement[] {
  const titles = new Set(corpus.articles.map((a) => a.title.trim()));
  return corpus.statements.filter((s) => !titles.has(s.text.trim()) && s.text.split(/\s+/).length >= 4);
}

/** The story that synthetic story number `n` is about; pages about it reuse it. */
export function storyFor(n: number, options: SyntheticOptions = DEFAULT_SYNTHETIC_OPTIONS): Story {
  return new Story(`${options.label}/story-${n}`, options);
}

/** Whether a seed entity id names a person, for name variation ("Jane Doe" → "Doe"). */
export function personIds(corpus: Corpus): (id: string) => boolean {
  const people = new Set(corpus.entities.filter((e) => e.kind === 'person').map((e) => e.id));
  return (id) => people.has(id);
}

function drafts(seed: Corpus, count: number, options: SyntheticOptions): Draft[] {
  const pool = recombinable(seed);
  const titles = seed.statements.filter((s) => seed.articles.some((a) => a.title.trim() === s.text.trim()));
  const isPerson = personIds(seed);
  const random = seededRandom(options.label);
  const outlets = outletNames(random.fork('outlets'), 120);
  const out: Draft[] = [];
  for (let n = 0; out.length < count; n++) {
    const story = storyFor(n, options);
    const storyRandom = random.fork(`story-${n}`);
    const size = Math.min(count - out.length, storyRandom.int(...options.articlesPerStory));
    const day = FIRST_DAY + storyRandom.int(0, SPAN_DAYS) * DAY_MS;
    const storyOutlets = storyRandom.shuffle(outlets);
    for (let k = 0; k < size; k++) {
      const variation = storyRandom.fork(`article-${k}`);
      const picks = variation
        .shuffle(pool.map((_, i) => i))
        .slice(0, variation.int(...options.sentencesPerArticle))
        .sort((x, y) => x - y);
      const paragraphSizes: number[] = [];
      for (let left = picks.length; left > 0; ) {
        const take = Math.min(left, variation.int(1, 3));
        paragraphSizes.push(take);
        left -= take;
      }
      out.push({
        story: n,
        file: `synthetic-${String(out.length).padStart(5, '0')}.txt`,
        outlet: storyOutlets[k % storyOutlets.length]!,
        published: new Date(day + variation.int(0, 4) * DAY_MS).toISOString().slice(0, 10),
        title: story.rewrite(titles.length ? variation.pick(titles) : pool[picks[0]!]!, variation, isPerson),
        picks,
        sentences: picks.map((i) => story.rewrite(pool[i]!, variation, isPerson)),
        paragraphSizes,
      });
    }
  }
  return out;
}

/** A draft's text (title line, blank line, paragraphs) and where each sentence starts in it. */
function layout(draft: Draft): { text: string; starts: number[] } {
  let text = `${draft.title.text}\n\n`;
  const starts: number[] = [];
  let i = 0;
  draft.paragraphSizes.forEach((size, p) => {
    if (p > 0) text += '\n\n';
    for (let k = 0; k < size; k++, i++) {
      if (k > 0) text += ' ';
      starts.push(text.length);
      text += draft.sentences[i]!.text;
    }
  });
  return { text: `${text}\n`, starts };
}

/** `count` deterministic articles, in stories, recombined from `seed`'s statements: input for `buildCorpus`. */
export function syntheticArticles(
  seed: Corpus,
  count: number,
  options: SyntheticOptions = DEFAULT_SYNTHETIC_OPTIONS,
): ArticleInput[] {
  return drafts(seed, count, options).map((d) => ({
    file: d.file,
    outlet: d.outlet,
    title: d.title.text,
    published: d.published,
    text: layout(d).text,
  }));
}

/**
 * The same articles as `syntheticArticles`, assembled straight into a schema-1
 * corpus: statements, their mentions and speakers, and entities carried over
 * from the seed corpus's own extraction, and relations carried over from the
 * seed corpus's relations (plus a statement recombined into two articles of
 * one story, which corroborates itself). For the engine at a scale the
 * builder cannot reach within the benchmark's time.
 */
export function syntheticCorpus(
  seed: Corpus,
  count: number,
  options: SyntheticOptions = DEFAULT_SYNTHETIC_OPTIONS,
): Corpus {
  const pool = recombinable(seed);
  const seedEntities = new Map(seed.entities.map((e) => [e.id, e]));
  const entities = new Map<string, CorpusEntity>();
  const stories = new Map<number, Story>();
  const entityId = (seedId: string, n: number): string => {
    const id = `${seedId}~${n}`;
    if (!entities.has(id)) {
      const e = seedEntities.get(seedId)!;
      let story = stories.get(n);
      if (!story) stories.set(n, (story = storyFor(n, options)));
      const name = (text: string) =>
        story.rewrite({ text, mentions: [[0, text.length, seedId]] }, seededRandom(0)).text;
      entities.set(id, { id, name: name(e.name), kind: e.kind, aliases: e.aliases.map(name) });
    }
    return id;
  };
  const articles: Corpus['articles'] = [];
  const statements: CorpusStatement[] = [];
  const idsOf = new Map<string, Map<number, string>>(); // article id → pool index → statement id
  const all = drafts(seed, count, options);
  for (const d of all) {
    const id = d.file.replace(/\.[^.]+$/, '');
    articles.push({ id, file: d.file, outlet: d.outlet, title: d.title.text, published: d.published });
    const { starts } = layout(d);
    const add = (n: number, r: Rewritten, start: number, from?: CorpusStatement) => {
      const mentions = r.mentions.map(([s, e, seedId]): [number, number, string] => [
        s,
        e,
        entityId(seedId, d.story),
      ]);
      const statement: CorpusStatement = {
        id: `${id}:${n}`,
        article: id,
        text: r.text,
        start,
        end: start + r.text.length,
        entities: [...new Set(mentions.map((m) => m[2]))].sort(),
        mentions,
        checkworthy: from?.checkworthy ?? false,
      };
      if (from?.speaker && seedEntities.has(from.speaker))
        statement.speaker = entityId(from.speaker, d.story);
      statements.push(statement);
      return statement.id;
    };
    add(0, d.title, 0);
    const ids = new Map<number, string>();
    d.sentences.forEach((r, k) => ids.set(d.picks[k]!, add(k + 1, r, starts[k]!, pool[d.picks[k]!])));
    idsOf.set(id, ids);
  }
  const poolIndex = new Map(pool.map((s, i) => [s.id, i]));
  const seedRelations = seed.relations.flatMap((r) => {
    const a = poolIndex.get(r.a);
    const b = poolIndex.get(r.b);
    return a === undefined || b === undefined ? [] : [{ ...r, pa: a, pb: b }];
  });
  const relations: CorpusRelation[] = [];
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.story === all[i]!.story) j++;
    for (let x = i; x < j; x++)
      for (let y = x + 1; y < j; y++) {
        const ax = idsOf.get(articles[x]!.id)!;
        const ay = idsOf.get(articles[y]!.id)!;
        for (const [p, sx] of ax) {
          const sy = ay.get(p);
          if (sy)
            relations.push({
              a: sx,
              b: sy,
              relation: 'corroborates',
              reason: 'quote-match',
              detail: 'same words',
              score: 1,
            });
        }
        for (const r of seedRelations) {
          for (const [from, to] of [
            [ax, ay],
            [ay, ax],
          ] as const) {
            const sa = from.get(r.pa);
            const sb = to.get(r.pb);
            if (sa && sb)
              relations.push({
                a: sa,
                b: sb,
                relation: r.relation,
                reason: r.reason,
                detail: r.detail,
                score: r.score,
              });
          }
        }
      }
    i = j;
  }
  return { schema: 1, articles, entities: [...entities.values()], statements, relations };
}

function outletNames(random: Random, count: number): string[] {
  const first =
    'North South East West Central Coastal Valley Harbor Capital Metro National Evening Morning Daily Weekly Union'.split(
      ' ',
    );
  const head =
    'Herald Tribune Gazette Courier Observer Post Times Review Journal Ledger Chronicle Standard Dispatch Record Monitor'.split(
      ' ',
    );
  const names = new Set<string>();
  while (names.size < Math.min(count, first.length * head.length))
    names.add(`The ${random.pick(first)} ${random.pick(head)}`);
  return [...names].sort();
}
