import type { Claim, CorpusStatement, Evidence, PageAnalysis, PageEntity } from '../../../src/engine/types';
import type { PageState } from '../../../src/messaging/protocol';
import { stateToWire, type WirePageState } from '../../../src/messaging/analysis-wire';

/** One piece of evidence; override what a test cares about. */
export function evidence(over: Partial<Evidence> = {}): Evidence {
  return {
    relation: 'corroborates',
    outlet: 'The Hill',
    published: '2018-07-17',
    title: 'Mattis open to meeting with Russian defense chief',
    text: 'Mattis said he is open to meeting his Russian counterpart.',
    reason: 'same quote',
    reasonCode: 'quote-match',
    score: 0.9,
    articleId: 'a1',
    statementId: 'a1-s3',
    ...over,
  };
}

export function claim(over: Partial<Claim> = {}): Claim {
  return { text: 'A claim on the page.', start: 0, end: 20, verdict: 'unverified', evidence: [], ...over };
}

export function entity(over: Partial<PageEntity> = {}): PageEntity {
  return {
    id: 'e-mattis',
    name: 'James Mattis',
    kind: 'person',
    known: true,
    aliases: ['James Mattis', 'Mattis'],
    mentions: [{ start: 0, end: 6 }],
    ...over,
  };
}

/** A checked page with claims of every verdict, two outlets and one omission. */
export function analysis(): PageAnalysis {
  return {
    source: 'page',
    article: null,
    entities: [
      entity({ mentions: [0, 1, 2].map((i) => ({ start: i * 10, end: i * 10 + 6 })) }),
      entity({ id: 'e-pentagon', name: 'Pentagon', kind: 'organisation', aliases: [] }),
      entity({ id: 'e-helsinki', name: 'Helsinki', kind: 'place', aliases: [] }),
    ],
    claims: [
      claim({
        text: 'Mattis met the minister in 2014.',
        start: 0,
        end: 32,
        verdict: 'conflicting',
        evidence: [
          evidence({
            relation: 'conflicts',
            outlet: 'CNN',
            reason: 'says 2015 where this says 2014',
            statementId: 'c-1',
          }),
        ],
      }),
      claim({
        text: 'He is open to talks.',
        start: 40,
        end: 60,
        verdict: 'corroborated',
        evidence: [evidence(), evidence({ outlet: 'CNN', articleId: 'a0', statementId: 'c-2', score: 0.5 })],
      }),
      claim({ text: 'The meeting was cordial.', start: 70, end: 94, verdict: 'unverified' }),
      claim({
        text: 'Talks are planned.',
        start: 100,
        end: 118,
        verdict: 'conflicting',
        evidence: [evidence({ relation: 'conflicts', statementId: 'a1-s9' })],
      }),
    ],
    coverage: [
      {
        articleId: 'a1',
        outlet: 'The Hill',
        title: 'Mattis open',
        published: '2018-07-17',
        corroborates: 1,
        conflicts: 1,
      },
      {
        articleId: 'a0',
        outlet: 'CNN',
        title: 'Defense secretary',
        published: null,
        corroborates: 1,
        conflicts: 1,
      },
    ],
    omitted: [
      {
        statementId: 'a0-s7',
        articleId: 'a0',
        outlet: 'CNN',
        published: '2018-07-17',
        text: 'The Kremlin did not reply.',
      },
    ],
  };
}

export function pageState(over: Partial<PageState> = {}): PageState {
  return {
    url: 'https://news.example.com/world/story',
    status: 'done',
    analysis: analysis(),
    marks: { entities: 3, claims: 4 },
    ...over,
  };
}

/** A corpus statement of article `article` at source offsets [start, start + text.length). */
export function corpusStatement(id: string, text: string, start = 0, article = 'a'): CorpusStatement {
  return {
    id,
    article,
    text,
    start,
    end: start + text.length,
    entities: [],
    mentions: [],
    checkworthy: true,
  };
}

/** {@link pageState} as the background sends it to the popup. */
export function wirePageState(over: Partial<PageState> = {}): WirePageState {
  return stateToWire(pageState(over));
}
