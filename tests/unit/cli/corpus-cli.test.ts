/**
 * `npm run corpus`: builds a corpus from a folder of articles, deterministically,
 * and on bad input exits non-zero with one line naming the file and field,
 * leaving any previous output exactly as it was.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCorpus } from '../../../src/engine/corpus-schema';
import type { Corpus } from '../../../src/engine/types';
import {
  CLI_TIMEOUT,
  ROOT,
  expectOneLineError,
  runClis,
  tempDir,
  type CliCall,
  type CliRun,
} from './run-cli';

const SEEDS = join(ROOT, 'data/seeds');

interface SourceEntry {
  file: string;
  outlet?: string;
  title?: string;
  published?: unknown;
  url?: string;
}

interface SourcesFile {
  sources: SourceEntry[];
}

const seedSources: SourcesFile = JSON.parse(readFileSync(join(SEEDS, 'sources.json'), 'utf8'));
const seedFiles = seedSources.sources.map((entry) => entry.file);
const [firstFile = '', , , , lastFile = ''] = seedFiles;

const SENTINEL = '{"sentinel": "a previous build, which a failed build must not touch"}\n';

let scratch: { dir: string; remove: () => void };
let folders = 0;

/** A fresh, empty folder under the scratch folder. */
function freshFolder(kind: string): string {
  folders += 1;
  const dir = join(scratch.dir, `${kind}-${folders}`);
  mkdirSync(dir);
  return dir;
}

/** A fresh copy of the seed folder, to break in one way. */
function copySeeds(): string {
  const dir = freshFolder('in');
  cpSync(SEEDS, dir, { recursive: true });
  return dir;
}

function editSources(dir: string, edit: (sources: SourcesFile) => void): void {
  const path = join(dir, 'sources.json');
  const json: SourcesFile = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

function entry(sources: SourcesFile, i: number): SourceEntry {
  const found = sources.sources[i];
  if (!found) throw new Error(`the seed sources.json has no entry ${i}`);
  return found;
}

function readCorpus(path: string): Corpus {
  return parseCorpus(JSON.parse(readFileSync(path, 'utf8')));
}

beforeAll(() => {
  scratch = tempDir('corpus-cli');
});

afterAll(() => scratch.remove());

describe('a good folder', () => {
  const out = { first: '', second: '', stray: '' };
  let run: (name: 'first' | 'second' | 'stray' | 'help') => CliRun;

  beforeAll(async () => {
    const input = copySeeds();
    const withStray = copySeeds();
    writeFileSync(
      join(withStray, 'stray-article.txt'),
      'Officials said on Monday that 12 bridges would close in 2031.\n',
    );
    out.first = join(freshFolder('out'), 'corpus.json');
    out.second = join(freshFolder('out'), 'again.json');
    out.stray = join(freshFolder('out'), 'corpus.json');
    run = await runClis({
      first: ['corpus', ['--in', input, '--out', out.first]],
      second: ['corpus', ['--in', input, '--out', out.second]],
      stray: ['corpus', ['--in', withStray, '--out', out.stray]],
      help: ['corpus', ['--help']],
    });
  }, CLI_TIMEOUT);

  test('builds with exit 0, a summary line naming the output, and nothing on stderr', () => {
    const first = run('first');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain(out.first);
  });

  test('writes a schema-1 corpus with one article per sources.json entry', () => {
    expect(run('first').status).toBe(0);
    const corpus = readCorpus(out.first);
    expect(corpus.articles.map((article) => article.file).sort()).toEqual([...seedFiles].sort());
    expect(corpus.statements.length).toBeGreaterThan(0);
    expect(corpus.relations.length).toBeGreaterThan(0);
  });

  test('leaves no temporary file beside the output', () => {
    expect(readdirSync(dirname(out.first))).toEqual(['corpus.json']);
  });

  test('is deterministic: a second build gives the same bytes', () => {
    const second = run('second');
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(out.second).equals(readFileSync(out.first))).toBe(true);
  });

  test('warns about an article file that sources.json does not list, and skips it', () => {
    const stray = run('stray');
    expect(stray.status, stray.stderr).toBe(0);
    const warnings = stray.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/warning/i);
    expect(warnings[0]).toContain('stray-article.txt');
    expect(readCorpus(out.stray).articles.some((article) => article.file === 'stray-article.txt')).toBe(
      false,
    );
    // Skipped means no trace at all: the corpus is the one built without the stray file.
    expect(readFileSync(out.stray).equals(readFileSync(out.first))).toBe(true);
  });

  test('--help prints usage and builds nothing', () => {
    const help = run('help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: /);
    expect(help.stdout).toContain('--in');
    expect(help.stdout).toContain('--out');
    expect(help.stdout).not.toContain('wrote');
  });
});

interface BadInput {
  name: string;
  /** Breaks a fresh copy of the seed folder. */
  breakInput: (dir: string) => void;
  /** What the one error line must name: the file, then the field. */
  names: string[];
}

const BAD_INPUTS: BadInput[] = [
  {
    name: 'sources.json is missing',
    breakInput: (dir) => rmSync(join(dir, 'sources.json')),
    names: ['sources.json', 'missing'],
  },
  {
    name: 'sources.json is not valid JSON',
    breakInput: (dir) => writeFileSync(join(dir, 'sources.json'), '{"sources": [{"file": "a.txt",'),
    names: ['sources.json', 'JSON'],
  },
  {
    name: '"sources" is not an array',
    breakInput: (dir) => writeFileSync(join(dir, 'sources.json'), '{"sources": {"file": "a.txt"}}'),
    names: ['sources.json', '"sources"', 'array'],
  },
  {
    name: 'an entry has no outlet',
    breakInput: (dir) => editSources(dir, (json) => delete entry(json, 1).outlet),
    names: ['sources.json', 'sources[1].outlet'],
  },
  {
    name: '"published" is not a date',
    breakInput: (dir) => editSources(dir, (json) => void (entry(json, 2).published = 'last Tuesday')),
    names: ['sources.json', 'sources[2].published'],
  },
  {
    name: '"published" is missing rather than an explicit null',
    breakInput: (dir) => editSources(dir, (json) => delete entry(json, 0).published),
    names: ['sources.json', 'sources[0].published'],
  },
  {
    name: 'an entry names a file that does not exist',
    breakInput: (dir) => editSources(dir, (json) => void (entry(json, 3).file = 'no-such-article.txt')),
    names: ['sources[3].file', 'no-such-article.txt'],
  },
  {
    name: 'an article is empty (white space and a no-break space only)',
    breakInput: (dir) => writeFileSync(join(dir, lastFile), ' \n\u00a0\n\t\n'),
    names: [lastFile, 'empty'],
  },
  {
    name: 'two entries name the same file',
    breakInput: (dir) => editSources(dir, (json) => void json.sources.push({ ...entry(json, 0) })),
    names: ['sources.json', `sources[${seedFiles.length}].file`, firstFile, 'duplicate'],
  },
  {
    name: '"published" matches YYYY-MM-DD but is no calendar date',
    breakInput: (dir) => editSources(dir, (json) => void (entry(json, 2).published = '2018-13-45')),
    names: ['sources.json', 'sources[2].published'],
  },
  {
    name: 'an entry names a folder, not an article file',
    breakInput: (dir) => {
      mkdirSync(join(dir, 'folder.txt'));
      editSources(dir, (json) => void (entry(json, 0).file = 'folder.txt'));
    },
    names: ['sources[0].file', 'folder.txt'],
  },
];

/** A bad-input case is run twice: into an empty folder, and over a previous output. */
interface BadCase {
  freshDir: string;
  keptPath: string;
}

describe('bad input', () => {
  const cases = new Map<string, BadCase>();
  let run: (name: string) => CliRun;
  const caseOf = (name: string): BadCase => {
    const found = cases.get(name);
    if (!found) throw new Error(`no bad-input case "${name}"`);
    return found;
  };

  beforeAll(async () => {
    const calls: Record<string, CliCall> = {};
    for (const { name, breakInput } of BAD_INPUTS) {
      const input = copySeeds();
      breakInput(input);
      const freshDir = freshFolder('out');
      const keptPath = join(freshFolder('out'), 'corpus.json');
      writeFileSync(keptPath, SENTINEL);
      cases.set(name, { freshDir, keptPath });
      calls[`${name} (fresh)`] = ['corpus', ['--in', input, '--out', join(freshDir, 'corpus.json')]];
      calls[`${name} (kept)`] = ['corpus', ['--in', input, '--out', keptPath]];
    }
    run = await runClis(calls);
  }, 2 * CLI_TIMEOUT);

  describe.each(BAD_INPUTS)('$name', ({ name, names }) => {
    test('exits non-zero with one line naming the file and field', () => {
      const fresh = run(`${name} (fresh)`);
      expectOneLineError(fresh, 'corpus: ', names);
      expect(fresh.stdout).toBe('');
    });

    test('creates no output file', () => {
      expect(run(`${name} (fresh)`).status).not.toBe(0);
      expect(readdirSync(caseOf(name).freshDir)).toEqual([]);
    });

    test('leaves a previous output file byte-identical', () => {
      const { keptPath } = caseOf(name);
      expect(run(`${name} (kept)`).status).not.toBe(0);
      expect(readFileSync(keptPath, 'utf8')).toBe(SENTINEL);
      expect(readdirSync(dirname(keptPath))).toEqual(['corpus.json']);
    });
  });
});
