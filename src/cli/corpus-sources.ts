import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../engine/corpus-build';
import { isIsoDate } from '../engine/date-resolve';

/** A problem with the input folder that stops the build; the message names the file and field. */
export class SourcesError extends Error {
  override name = 'SourcesError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a folder of articles (`*.txt`) and its `sources.json`, checking every
 * field, and returns the articles to build plus warnings for article files
 * that sources.json does not describe (those are skipped, not fatal).
 */
export function readSources(dir: string): { articles: ArticleInput[]; warnings: string[] } {
  const sourcesPath = join(dir, 'sources.json');
  if (!existsSync(dir)) throw new SourcesError(`${dir}: folder not found`);
  if (!existsSync(sourcesPath))
    throw new SourcesError(`${sourcesPath}: missing (it lists each article's outlet, title and date)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(sourcesPath, 'utf8'));
  } catch (error) {
    throw new SourcesError(`${sourcesPath}: not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(json) || !Array.isArray(json.sources)) {
    throw new SourcesError(`${sourcesPath}: field "sources" must be an array`);
  }
  const seen = new Set<string>();
  const articles = json.sources.map((entry: unknown, i: number): ArticleInput => {
    const at = `${sourcesPath}: sources[${i}]`;
    if (!isRecord(entry)) throw new SourcesError(`${at} must be an object`);
    const field = (name: string): string => {
      const value = entry[name];
      if (typeof value !== 'string' || value.trim() === '') {
        throw new SourcesError(`${at}.${name} must be a non-empty string`);
      }
      return value;
    };
    const file = field('file');
    if (seen.has(file)) throw new SourcesError(`${at}.file: duplicate entry "${file}"`);
    seen.add(file);
    const published = entry.published;
    if (published !== null && !isIsoDate(published)) {
      throw new SourcesError(`${at}.published must be a YYYY-MM-DD date or null`);
    }
    if (entry.url !== undefined && typeof entry.url !== 'string')
      throw new SourcesError(`${at}.url must be a string`);
    const path = join(dir, file);
    if (!existsSync(path)) throw new SourcesError(`${at}.file: "${file}" not found in ${dir}`);
    if (!statSync(path).isFile()) throw new SourcesError(`${at}.file: "${file}" is not a file`);
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') throw new SourcesError(`${path}: article is empty`);
    return {
      file,
      outlet: field('outlet'),
      title: field('title'),
      published,
      ...(typeof entry.url === 'string' ? { url: entry.url } : {}),
      text,
    };
  });
  const warnings = readdirSync(dir)
    .filter((name) => name.endsWith('.txt') && !seen.has(name))
    .sort()
    .map((name) => `${join(dir, name)}: no entry in sources.json, skipped`);
  return { articles, warnings };
}
