import { storage } from 'wxt/utils/storage';
import bundledCorpus from '../../data/corpus.json';
import { CorpusError, parseCorpus } from '../engine/corpus-schema';
import { indexCorpus, type CorpusIndex } from '../engine/corpus-index';
import type { CorpusInfo } from '../engine/types';
import { warmEngine } from './engine-warmup';

/** The user's imported corpus, as the JSON text they chose; absent means the bundled one is in use. */
const importedCorpusItem = storage.defineItem<string | null>('local:importedCorpus', { fallback: null });

interface Loaded {
  index: CorpusIndex;
  source: CorpusInfo['source'];
  notice?: string;
}

let loading: Promise<Loaded> | undefined;
/** The stored corpus text the index in use was built from; null for the bundled corpus. */
let loadedFrom: string | null | undefined;

async function load(): Promise<Loaded> {
  const imported = await importedCorpusItem.getValue();
  loadedFrom = imported;
  if (imported !== null) {
    try {
      return { index: indexCorpus(parseCorpus(JSON.parse(imported))), source: 'imported' };
    } catch (error) {
      // A stored corpus that no longer parses must not leave the extension without evidence.
      loadedFrom = null;
      await importedCorpusItem.removeValue();
      return {
        index: indexCorpus(parseCorpus(bundledCorpus)),
        source: 'bundled',
        notice: `Your imported corpus could not be read (${(error as Error).message}); the bundled corpus is back in use.`,
      };
    }
  }
  return { index: indexCorpus(parseCorpus(bundledCorpus)), source: 'bundled' };
}

/**
 * The indexed corpus in use, built once per worker lifetime so that every tab
 * shares one copy instead of each content script loading its own.
 */
export async function loadCorpus(): Promise<Loaded> {
  if (!loading) {
    loading = load();
    // Warm the engine as soon as the corpus is ready; an error here only costs speed.
    void loading.then(({ index }) => warmEngine(index)).catch(() => undefined);
  }
  return loading;
}

/**
 * Drops the loaded corpus when the stored one changes behind this worker's
 * back (another extension page, or storage edited while the worker runs), so
 * that the next request loads, and checks, what is stored now. The worker's
 * own import and reset record what they store first, and are not reloaded.
 */
export function reloadWhenStoredCorpusChanges(): () => void {
  return importedCorpusItem.watch((value) => {
    if (value !== loadedFrom) loading = undefined;
  });
}

/** A summary of the corpus in use, for the options page. */
export async function corpusInfo(): Promise<CorpusInfo & { notice?: string }> {
  const { index, source, notice } = await loadCorpus();
  const { corpus } = index;
  return {
    source,
    articles: corpus.articles,
    statements: corpus.statements.length,
    relations: corpus.relationCount,
    ...(notice ? { notice } : {}),
  };
}

/** Validates and stores a user's corpus; on any error the corpus in use stays as it was. */
export async function importCorpus(
  json: string,
): Promise<{ ok: true; info: CorpusInfo } | { ok: false; error: string }> {
  let index: CorpusIndex;
  try {
    index = indexCorpus(parseCorpus(JSON.parse(json)));
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, error: `not valid JSON: ${error.message}` };
    if (error instanceof CorpusError) return { ok: false, error: error.message };
    return { ok: false, error: `could not be read: ${String(error)}` };
  }
  loadedFrom = json;
  loading = Promise.resolve({ index, source: 'imported' });
  await importedCorpusItem.setValue(json);
  return { ok: true, info: await corpusInfo() };
}

/** Drops the imported corpus and goes back to the bundled one. */
export async function resetCorpus(): Promise<CorpusInfo> {
  loadedFrom = null;
  loading = undefined;
  await importedCorpusItem.removeValue();
  return corpusInfo();
}
