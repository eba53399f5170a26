import type {
  Claim,
  CorpusArticle,
  EntityKind,
  Evidence,
  OmittedStatement,
  OutletCoverage,
  PageAnalysis,
  PageEntity,
  Verdict,
} from './types';
import type { CorpusIndex } from './corpus-index';
import { bodySentences, prepareDocument } from './document-prepare';
import { findNameMentions, type NameMention } from './entity-extract';
import {
  EntityLookup,
  FullNameParts,
  nameFold,
  resolvedMention,
  type ResolvedMention,
} from './entity-resolve';
import { statementFacts, type StatementFacts } from './statement-facts';
import { classifyPair } from './relation-classify';
import { daysBetween, describeGap, GAP_REPORTED_AFTER_DAYS } from './date-resolve';
import { wordVocabulary } from './vocabulary';
import { SelfMatchByText } from './self-match';

export interface PageInput {
  text: string;
  url?: string;
  title?: string;
  /** The page's publication date (YYYY-MM-DD) when known, to resolve "on Tuesday" and time gaps. */
  published?: string | null;
}

/** Candidate statements compared per claim. */
const CANDIDATES_PER_CLAIM = 12;
/** Evidence items kept per claim, best first. */
const MAX_EVIDENCE = 8;
/** Related (topic only) items kept per claim: context, not proof. */
const MAX_RELATED = 2;
const MAX_OMITTED = 6;

const RELATION_ORDER = { conflicts: 0, corroborates: 1, related: 2 } as const;

/** A claim read before the page is known not to copy a corpus article: what derives its facts again. */
interface Reread {
  n: number;
  inside: ResolvedMention[];
  speakerBefore: string | undefined;
}

function sameUrl(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const norm = (u: string) =>
    u
      .replace(/^https?:\/\/(www\.)?/, '')
      .replace(/[?#].*$/, '')
      .replace(/\/$/, '');
  return norm(a) === norm(b);
}

function unknownId(m: NameMention): string {
  return `new:${m.kind}:${nameFold(m.name).replace(/[^\p{L}\p{N}]+/gu, '-')}`;
}

/**
 * Analyses a page's text against an indexed corpus: the entities it names,
 * its check-worthy claims, and for each claim the statements of other outlets
 * that corroborate it, conflict with it, or share its topic, with a verdict
 * and one-line reasons. Pure: text in, plain data out.
 */
export function analyzePage(index: CorpusIndex, page: PageInput): PageAnalysis {
  const source = page.url ?? '';
  const doc = prepareDocument(page.text, page.title ?? '');
  if (doc.text.trim() === '') return emptyAnalysis(source);

  const vocabulary = wordVocabulary([doc.text], index.vocabulary);
  const mentions = findNameMentions(
    doc.text,
    bodySentences(doc),
    vocabulary.isCommonWord,
    vocabulary.isNameWord,
  );
  const resolved = resolveMentions(index, mentions);
  const kindOf = new Map<string, EntityKind>();
  for (const m of resolved) if (m.kind !== 'unknown') kindOf.set(m.entityId, m.kind);

  const urlArticle = index.corpus.articles.find((a) => sameUrl(a.url, page.url));
  const published = page.published ?? urlArticle?.published ?? null;
  let self: { article: CorpusArticle; selfMatch: 'url' | 'text' } | null = urlArticle
    ? { article: urlArticle, selfMatch: 'url' }
    : null;
  const excluded = (i: number) => {
    const article = index.articleOf[i]!;
    return self !== null && (article.id === self.article.id || article.outlet === self.article.outlet);
  };
  const claims: Claim[] = [];
  const claimOf = (f: StatementFacts): Claim => {
    const evidence = findEvidence(index, f, excluded, published ?? self?.article.published ?? null);
    const start = doc.toSource(f.start);
    const end = doc.toSource(f.end - 1) + 1;
    return { text: f.text, start, end, verdict: verdictOf(evidence), evidence };
  };

  // Each claim is checked as it is read, as if the page were not a corpus article, so that its
  // facts die young. Nearly every page is soon known not to be one; a page that copies one is
  // only known at its end, and the claims read until then are checked again with the article
  // left out. Keeping their facts instead, by the thousand on a long page of corpus sentences,
  // made V8 allocate what later statements are made of in the old generation (see `Facts`).
  const selfByText = urlArticle ? null : new SelfMatchByText(index, doc.text, doc.sentences);
  const kinds = (id: string) => kindOf.get(id);
  const factsOf = (n: number, inside: ResolvedMention[], speakerBefore: string | undefined) =>
    statementFacts(doc.text, doc.sentences[n]!, inside, published, speakerBefore, kinds);
  const rereads: Reread[] = [];
  let previousSpeaker: string | undefined;
  let mi = 0;
  for (let n = 0; n < doc.sentences.length; n++) {
    const sentence = doc.sentences[n]!;
    const inside: ResolvedMention[] = [];
    while (mi < resolved.length && resolved[mi]!.start < sentence.start) mi++;
    for (let k = mi; k < resolved.length && resolved[k]!.start < sentence.end; k++) inside.push(resolved[k]!);
    const speakerBefore = previousSpeaker;
    const f = factsOf(n, inside, speakerBefore);
    previousSpeaker = f.lead ?? previousSpeaker;
    if (!f.checkworthy) continue;
    claims.push(claimOf(f));
    if (!selfByText || selfByText.ruledOut) continue;
    selfByText.countClaim(n);
    if (selfByText.ruledOut) rereads.length = 0;
    else rereads.push({ n, inside, speakerBefore });
  }
  // Never ruled out: every claim so far is a reread, in order.
  const article = rereads.length > 0 ? selfByText!.article() : null;
  if (article) {
    self = { article, selfMatch: 'text' };
    rereads.forEach((r, k) => (claims[k] = claimOf(factsOf(r.n, r.inside, r.speakerBefore))));
  }

  return {
    source,
    article: self ? { ...self.article, selfMatch: self.selfMatch } : null,
    entities: pageEntities(index, resolved, doc.toSource),
    claims,
    coverage: coverageOf(index, claims),
    omitted: omittedStatements(index, claims, excluded, published ?? self?.article.published ?? null),
  };
}

function emptyAnalysis(source: string): PageAnalysis {
  return { source, article: null, entities: [], claims: [], coverage: [], omitted: [] };
}

/** Resolves page mentions to corpus entities; people and organisations the corpus lacks get page-local ids. */
function resolveMentions(index: CorpusIndex, mentions: NameMention[]): ResolvedMention[] {
  const localSurnames = new Map<string, string>();
  const out: ResolvedMention[] = [];
  const fullNames = new Map<NameMention, string>();
  // The other parts of the page's full names ("Xi" of "Xi Jinping"), made when a name of one word
  // first needs them, which few pages have.
  let parts: FullNameParts | undefined;
  const idFor = (m: NameMention): string | undefined => {
    // A full name resolves the same way in both passes; the second pass reuses the first.
    const already = fullNames.get(m);
    if (already !== undefined) return already;
    const known = index.entities.resolve(m, localSurnames);
    if (known) return known;
    const part = (parts ??= new FullNameParts(fullNames)).ownerOf(m);
    if (part) return part;
    if (m.kind === 'person' || m.kind === 'organisation') {
      return index.fuzzyNames.find(m.name, m.kind) ?? unknownId(m);
    }
    return undefined;
  };
  // A person the corpus does not know stays a person when also named by surname alone, a
  // mention of no kind of its own ("Esper, who took over …" beside "Mark Esper").
  const localKinds = new Map<string, EntityKind>();
  for (const m of mentions) {
    if (m.kind === 'person' && m.given && m.surname) {
      const id = idFor(m);
      if (id) {
        fullNames.set(m, id);
        localSurnames.set(EntityLookup.surnameKeyOf(m.surname), id);
        if (!index.entities.byId.has(id)) localKinds.set(id, 'person');
      }
    }
  }
  for (const m of mentions) {
    const id = idFor(m);
    if (!id) continue;
    const known = index.entities.byId.get(id);
    if (!known && m.kind !== 'unknown' && !localKinds.has(id)) localKinds.set(id, m.kind);
    const kind = known?.kind ?? localKinds.get(id) ?? (m.kind === 'unknown' ? 'organisation' : m.kind);
    out.push(resolvedMention(m, id, kind));
  }
  return out;
}

function findEvidence(
  index: CorpusIndex,
  claim: StatementFacts,
  excluded: (i: number) => boolean,
  pageDate: string | null,
): Evidence[] {
  const evidence: Evidence[] = [];
  for (const i of index.terms.candidates(claim, CANDIDATES_PER_CLAIM, (k) => !excluded(k))) {
    const result = classifyPair(claim, index.factsOf(i), index.weight);
    if (!result) continue;
    const statement = index.corpus.statements[i]!;
    const article = index.articleOf[i]!;
    const gap = daysBetween(pageDate, article.published);
    const when =
      gap !== null && Math.abs(gap) > GAP_REPORTED_AFTER_DAYS
        ? `; reported ${describeGap(gap)} ${gap < 0 ? 'earlier' : 'later'}`
        : '';
    evidence.push({
      relation: result.relation,
      outlet: article.outlet,
      published: article.published,
      title: article.title,
      text: statement.text,
      reason: `${result.detail}${when}`,
      reasonCode: result.reason,
      score: Math.round(result.score * 1000) / 1000,
      articleId: article.id,
      statementId: statement.id,
    });
  }
  evidence.sort((a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] || b.score - a.score);
  const related = evidence.filter((e) => e.relation === 'related').slice(0, MAX_RELATED);
  return [...evidence.filter((e) => e.relation !== 'related'), ...related].slice(0, MAX_EVIDENCE);
}

/** corroborated / conflicting / mixed / unverified, from the claim's evidence. */
export function verdictOf(evidence: readonly Pick<Evidence, 'relation'>[]): Verdict {
  const corroborates = evidence.some((e) => e.relation === 'corroborates');
  const conflicts = evidence.some((e) => e.relation === 'conflicts');
  if (corroborates && conflicts) return 'mixed';
  if (conflicts) return 'conflicting';
  if (corroborates) return 'corroborated';
  return 'unverified';
}

function pageEntities(
  index: CorpusIndex,
  mentions: ResolvedMention[],
  toSource: (offset: number) => number,
): PageEntity[] {
  const byId = new Map<string, PageEntity>();
  for (const m of mentions) {
    let entity = byId.get(m.entityId);
    if (!entity) {
      const known = index.entities.byId.get(m.entityId);
      entity = {
        id: m.entityId,
        name: known?.name ?? m.name,
        kind: known?.kind ?? (m.kind === 'unknown' ? 'organisation' : m.kind),
        known: known !== undefined,
        aliases: known ? [known.name, ...known.aliases] : [],
        mentions: [],
      };
      byId.set(m.entityId, entity);
    }
    if (!entity.known && !entity.aliases.includes(m.name)) entity.aliases.push(m.name);
    entity.mentions.push({ start: toSource(m.start), end: toSource(m.end - 1) + 1 });
  }
  return [...byId.values()].sort(
    (a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name),
  );
}

function coverageOf(index: CorpusIndex, claims: Claim[]): OutletCoverage[] {
  const byArticle = new Map<string, OutletCoverage>();
  for (const claim of claims) {
    const counted = new Set<string>();
    for (const e of claim.evidence) {
      let row = byArticle.get(e.articleId);
      if (!row) {
        const article = index.articles.get(e.articleId)!;
        row = {
          articleId: article.id,
          outlet: article.outlet,
          title: article.title,
          published: article.published,
          corroborates: 0,
          conflicts: 0,
        };
        byArticle.set(e.articleId, row);
      }
      const key = `${e.articleId}/${e.relation}`;
      if (counted.has(key)) continue;
      counted.add(key);
      if (e.relation === 'corroborates') row.corroborates++;
      if (e.relation === 'conflicts') row.conflicts++;
    }
  }
  return [...byArticle.values()]
    .filter((row) => row.corroborates + row.conflicts > 0)
    .sort(
      (a, b) =>
        b.corroborates + b.conflicts - (a.corroborates + a.conflicts) || a.outlet.localeCompare(b.outlet),
    );
}

/** Widely reported statements of the covering articles that the page never matches. */
function omittedStatements(
  index: CorpusIndex,
  claims: Claim[],
  excluded: (i: number) => boolean,
  pageDate: string | null,
): OmittedStatement[] {
  // The story's other reports: articles that corroborate the page, published around the same time.
  const sameTime = (articleId: string) => {
    const gap = daysBetween(pageDate, index.articles.get(articleId)?.published ?? null);
    return gap === null || Math.abs(gap) <= GAP_REPORTED_AFTER_DAYS;
  };
  const covering = new Set(
    claims.flatMap((c) =>
      c.evidence
        .filter((e) => e.relation === 'corroborates' && sameTime(e.articleId))
        .map((e) => e.articleId),
    ),
  );
  const matched = new Set(claims.flatMap((c) => c.evidence.map((e) => e.statementId)));
  const picked: OmittedStatement[] = [];
  const candidates = [...covering]
    .flatMap((articleId) => index.statementsOf.get(articleId) ?? [])
    .map((i) => ({
      s: index.corpus.statements[i]!,
      i,
      links: index.relationsOf(i),
    }))
    .filter(({ s, i }) => s.checkworthy && !matched.has(s.id) && !excluded(i))
    .sort((a, b) => b.links.length - a.links.length || a.i - b.i);
  const shown = new Set<string>();
  for (const { s, i, links } of candidates) {
    // Skip a statement when one it corroborates is already listed: one fact, listed once.
    const twins = links.map((link) => index.corpus.statements[link.other]!.id);
    if (twins.some((t) => shown.has(t) || matched.has(t))) continue;
    shown.add(s.id);
    const article = index.articleOf[i]!;
    picked.push({
      statementId: s.id,
      articleId: article.id,
      outlet: article.outlet,
      published: article.published,
      text: s.text,
    });
    if (picked.length >= MAX_OMITTED) break;
  }
  return picked;
}
