/** The folder the bundled corpus is built from, and the corpus file the extension bundles. */
export const DEFAULT_IN = 'data/seeds';
export const DEFAULT_OUT = 'data/corpus.json';
