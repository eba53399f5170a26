/**
 * Collects the articles the demo serves: the seed articles (data/seeds and
 * its sources.json) and the pages listed in data/demo-pages/pages.json
 * (other outlets' reports of the seed stories, and an unrelated story),
 * each with its outlet, date, accent colour and page blocks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSources } from '../../src/cli/corpus-sources';
import { articleBlocks, type ArticleBlock } from './article-blocks';

/**
 * Why a page is in the demo: a corpus article (its own statements are not
 * evidence for it), another outlet's report of a corpus story (the
 * interesting case), or a story that only shares names with the corpus.
 */
export type DemoRole = 'corpus' | 'other-outlet' | 'unrelated';

/** One news page of the demo. */
export interface DemoArticle {
  /** URL path on the demo server, e.g. `/the-northern-ledger/pentagon-chief-ready-for-talks.html`. */
  path: string;
  role: DemoRole;
  outlet: string;
  title: string;
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  section: string;
  /** CSS colour of the outlet's masthead and links. */
  accent: string;
  tagline: string;
  blocks: ArticleBlock[];
  /** The text file the page is laid out from, relative to the repository. */
  source: string;
}

interface OutletStyle {
  accent: string;
  tagline?: string;
}

interface PageEntry {
  file: string;
  outlet: string;
  published: string | null;
  section: string;
  role: DemoRole;
}

interface PagesFile {
  outlets: Record<string, OutletStyle>;
  pages: PageEntry[];
}

/** Accents for outlets that pages.json does not style: dark enough for white masthead text. */
const FALLBACK_ACCENTS = ['#1f4e79', '#7b2d26', '#2e5e3e', '#5b3a7a', '#8a4b08', '#22505a'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPagesFile(file: string): PagesFile {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRecord(json) || !isRecord(json.outlets) || !Array.isArray(json.pages)) {
    throw new Error(`${file}: expected {"outlets": {...}, "pages": [...]}`);
  }
  const outlets: Record<string, OutletStyle> = {};
  for (const [name, style] of Object.entries(json.outlets)) {
    if (!isRecord(style) || typeof style.accent !== 'string') {
      throw new Error(`${file}: outlets["${name}"].accent must be a CSS colour`);
    }
    outlets[name] = {
      accent: style.accent,
      ...(typeof style.tagline === 'string' ? { tagline: style.tagline } : {}),
    };
  }
  const roles: readonly DemoRole[] = ['corpus', 'other-outlet', 'unrelated'];
  const pages = json.pages.map((entry: unknown, i: number): PageEntry => {
    const at = `${file}: pages[${i}]`;
    if (!isRecord(entry)) throw new Error(`${at} must be an object`);
    const { file: pageFile, outlet, published, section, role } = entry;
    if (typeof pageFile !== 'string' || typeof outlet !== 'string' || typeof section !== 'string') {
      throw new Error(`${at}: "file", "outlet" and "section" must be strings`);
    }
    if (published !== null && (typeof published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(published))) {
      throw new Error(`${at}.published must be a YYYY-MM-DD date or null`);
    }
    const knownRole = roles.find((r) => r === role);
    if (!knownRole) throw new Error(`${at}.role must be one of ${roles.join(', ')}`);
    return { file: pageFile, outlet, published, section, role: knownRole };
  });
  return { outlets, pages };
}

/** A URL-safe lower-case slug of `text`. */
export function slugify(text: string, maxWords = 8): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

function styleOf(outlets: Record<string, OutletStyle>, outlet: string): Required<OutletStyle> {
  const known = outlets[outlet];
  let hash = 0;
  for (const char of outlet) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return {
    accent: known?.accent ?? FALLBACK_ACCENTS[hash % FALLBACK_ACCENTS.length]!,
    tagline: known?.tagline ?? 'News and analysis',
  };
}

/** The first non-empty line of a text file: the headline of the fixture pages. */
function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
}

/**
 * Reads every demo article from the repository at `root`: seeds first (in
 * sources.json order), then the pages of data/demo-pages/pages.json.
 */
export function loadDemoArticles(root: string): DemoArticle[] {
  const seedsDir = path.join(root, 'data/seeds');
  const { outlets, pages } = readPagesFile(path.join(root, 'data/demo-pages/pages.json'));
  const make = (
    fields: Omit<DemoArticle, 'path' | 'accent' | 'tagline' | 'blocks'>,
    text: string,
  ): DemoArticle => ({
    ...fields,
    ...styleOf(outlets, fields.outlet),
    path: `/${slugify(fields.outlet, 4)}/${slugify(fields.title)}.html`,
    blocks: articleBlocks(text, fields.title),
  });

  const seeds = readSources(seedsDir).articles.map((article) =>
    make(
      {
        role: 'corpus',
        outlet: article.outlet,
        title: article.title,
        published: article.published,
        section: 'World',
        source: path.posix.join('data/seeds', article.file),
      },
      article.text,
    ),
  );
  const others = pages.map((page) => {
    const text = readFileSync(path.join(root, page.file), 'utf8');
    return make(
      {
        role: page.role,
        outlet: page.outlet,
        title: firstLine(text),
        published: page.published,
        section: page.section,
        source: page.file,
      },
      text,
    );
  });
  return [...seeds, ...others];
}
