import type { Corpus } from '../engine/types';

/** One expected relation between quotes of two seed articles (`shared/eval/seed-relations.json`). */
export interface ExpectedRelation {
  id: string;
  relation: 'corroborates' | 'conflicts' | 'unrelated';
  a: { seed: string; quote: string };
  b: { seed: string; quote: string };
}

export interface EvalOutcome {
  id: string;
  expected: ExpectedRelation['relation'];
  found: 'corroborates' | 'conflicts' | 'related' | 'none';
  ok: boolean;
}

/** Finds a quote in a source text, ignoring differences in white space; returns its source span. */
export function locateQuote(source: string, quote: string): { start: number; end: number } | null {
  const map: number[] = [];
  let folded = '';
  let inSpace = false;
  for (let i = 0; i < source.length; i++) {
    if (/\s/.test(source[i]!)) {
      if (!inSpace) {
        folded += ' ';
        map.push(i);
      }
      inSpace = true;
    } else {
      folded += source[i];
      map.push(i);
      inSpace = false;
    }
  }
  const needle = quote.replace(/\s+/g, ' ');
  const at = folded.indexOf(needle);
  if (at === -1) return null;
  return { start: map[at]!, end: map[at + needle.length - 1]! + 1 };
}

/**
 * Scores expected relations against links found by some method: `linked(a, b)`
 * returns the relation found between statements covering quote a and quote b.
 */
export function scoreRelations(
  expected: readonly ExpectedRelation[],
  linked: (a: ExpectedRelation['a'], b: ExpectedRelation['b']) => EvalOutcome['found'],
): { outcomes: EvalOutcome[]; summary: Record<ExpectedRelation['relation'], { ok: number; total: number }> } {
  const summary = {
    corroborates: { ok: 0, total: 0 },
    conflicts: { ok: 0, total: 0 },
    unrelated: { ok: 0, total: 0 },
  };
  const outcomes = expected.map((rel) => {
    const found = linked(rel.a, rel.b);
    const ok =
      rel.relation === 'unrelated'
        ? found !== 'corroborates' && found !== 'conflicts'
        : found === rel.relation;
    summary[rel.relation].total++;
    if (ok) summary[rel.relation].ok++;
    return { id: rel.id, expected: rel.relation, found, ok };
  });
  return { outcomes, summary };
}

/** The corpus relation between the statements covering two seed quotes, if any. */
export function corpusLink(
  corpus: Corpus,
  sources: Map<string, string>,
  a: ExpectedRelation['a'],
  b: ExpectedRelation['b'],
): EvalOutcome['found'] {
  const covering = (side: ExpectedRelation['a']) => {
    const article = corpus.articles.find((x) => x.file === side.seed);
    const span = locateQuote(sources.get(side.seed) ?? '', side.quote);
    if (!article || !span) return new Set<string>();
    return new Set(
      corpus.statements
        .filter((s) => s.article === article.id && s.start < span.end && s.end > span.start)
        .map((s) => s.id),
    );
  };
  const sa = covering(a);
  const sb = covering(b);
  let found: EvalOutcome['found'] = 'none';
  for (const r of corpus.relations) {
    if ((sa.has(r.a) && sb.has(r.b)) || (sa.has(r.b) && sb.has(r.a))) {
      if (r.relation === 'conflicts') return 'conflicts';
      found = r.relation;
    }
  }
  return found;
}
