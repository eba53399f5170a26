import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { analyzePage } from '../../../src/engine/analyze-page';
import { indexCorpus, type CorpusIndex } from '../../../src/engine/corpus-index';
import { parseCorpus } from '../../../src/engine/corpus-schema';
import type { PageAnalysis } from '../../../src/engine/types';
import type { PageState } from '../../../src/messaging/protocol';
import {
  packAnalysis,
  stateFromWire,
  stateToWire,
  tabReport,
  unpackAnalysis,
} from '../../../src/messaging/analysis-wire';

let index: CorpusIndex;
let analysis: PageAnalysis;
let pageText: string;

beforeAll(() => {
  index = indexCorpus(parseCorpus(JSON.parse(readFileSync('data/corpus.json', 'utf8'))));
  // A page that repeats another outlet's report: many claims backed by the same few statements.
  const page = readFileSync('tests/fixtures/engine/pages/baltic-wire.txt', 'utf8');
  pageText = `${page}\n${page}\n${page}`;
  analysis = analyzePage(index, { text: pageText, published: '2018-07-17' });
});

test('a packed analysis unpacks to an equal one', () => {
  expect(analysis.claims.some((c) => c.evidence.length > 0)).toBe(true);
  expect(analysis.entities.some((e) => e.mentions.length > 1)).toBe(true);
  const wire = JSON.parse(JSON.stringify(packAnalysis(analysis)));
  expect(unpackAnalysis(wire)).toEqual(analysis);
});

test('each evidence statement and reason crosses the channel once, however many claims cite it', () => {
  const packed = packAnalysis(analysis);
  const cited = new Set(analysis.claims.flatMap((c) => c.evidence.map((e) => e.statementId)));
  const citations = analysis.claims.reduce((n, c) => n + c.evidence.length, 0);
  expect(citations).toBeGreaterThan(cited.size);
  expect(packed.statements.map((s) => s.statementId).sort()).toEqual([...cited].sort());
  // So does each distinct reason.
  const reasons = new Set(
    analysis.claims.flatMap((c) =>
      c.evidence.map((e) => JSON.stringify([e.relation, e.reasonCode, e.reason])),
    ),
  );
  expect(reasons.size).toBeLessThan(citations);
  expect(packed.reasons.map((r) => JSON.stringify(r)).sort()).toEqual([...reasons].sort());
  expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(analysis).length * 0.6);
});

test('claim texts the receiver can cut from the page text it sent do not cross the channel', () => {
  const packed = packAnalysis(analysis, pageText);
  expect(packed.claims.length).toBeGreaterThan(0);
  expect(packed.claims.every((c) => c.text === undefined)).toBe(true);
  expect(unpackAnalysis(JSON.parse(JSON.stringify(packed)), pageText)).toEqual(analysis);
  const saved = JSON.stringify(packAnalysis(analysis)).length - JSON.stringify(packed).length;
  expect(saved).toBeGreaterThanOrEqual(analysis.claims.reduce((n, c) => n + c.text.length, 0));
  expect(() => unpackAnalysis(packed)).toThrow(/page text/);
});

test('a claim whose text is not the page text at its offsets keeps its text', () => {
  const [first, ...rest] = analysis.claims;
  const edited = { ...analysis, claims: [{ ...first!, text: 'A sentence the cleaner rewrote.' }, ...rest] };
  const packed = packAnalysis(edited, pageText);
  expect(packed.claims[0]!.text).toBe('A sentence the cleaner rewrote.');
  expect(unpackAnalysis(JSON.parse(JSON.stringify(packed)), pageText)).toEqual(edited);
});

/** A finished tab's state with the test analysis. */
const doneState = (): PageState => ({
  url: 'https://example.com/a',
  status: 'done',
  analysis,
  marks: { entities: 2, claims: 3 },
});

test('a tab state keeps everything but packs its analysis', () => {
  const state = doneState();
  const wire = stateToWire(state);
  expect(wire.analysis?.statements.length).toBeGreaterThan(0);
  expect(stateFromWire(JSON.parse(JSON.stringify(wire)))).toEqual(state);
  const bare = {
    url: 'https://example.com/b',
    status: 'checking' as const,
    marks: { entities: 0, claims: 0 },
  };
  expect(stateFromWire(stateToWire(bare))).toEqual(bare);
});

test('a tab report carries the badge count but not the analysis', () => {
  const flagged = analysis.claims.filter((c) => c.verdict === 'conflicting' || c.verdict === 'mixed').length;
  expect(flagged).toBeGreaterThan(0);
  const state = doneState();
  const report = tabReport(state);
  expect(report).toEqual({ url: state.url, status: 'done', marks: state.marks, flagged });
  expect(tabReport(stateToWire(state))).toEqual(report);
  expect(tabReport({ ...state, status: 'checking', analysis: undefined }).flagged).toBe(0);
});
