import { WordPattern } from './pattern-matches';
import { isPlainText, withoutMarks } from './text-fold';

/** What a body of text says about its words: which are ordinary, which are names. */
export interface Vocabulary {
  /** Written in lower case somewhere: an ordinary word, not a name. */
  isCommonWord(lower: string): boolean;
  /** Written capitalised in the middle of a sentence somewhere: a name. */
  isNameWord(word: string): boolean;
  common: Set<string>;
  names: Set<string>;
}

const WORD = new WordPattern(/\p{L}[\p{L}'’-]*/gu);

/**
 * Collects lower-case words and mid-sentence capitalised words from texts, so
 * that the name finder can tell "Talks began" (ordinary opener) from "Mattis
 * said" (a name) without a dictionary.
 */
export function wordVocabulary(texts: readonly string[], base?: Vocabulary): Vocabulary {
  // Layered over `base` rather than copied from it: a page's vocabulary is small, a corpus's is not.
  const common = new Set<string>();
  const names = new Set<string>();
  for (const text of texts) {
    // Line by line (no word spans a line break), so that a line with an accent costs only itself the slow scan.
    for (let lineStart = 0; lineStart < text.length; ) {
      const lineEnd = text.indexOf('\n', lineStart) + 1 || text.length;
      for (const m of WORD.matches(text.slice(lineStart, lineEnd))) {
        const word = m[0];
        if (word[0] === word[0]!.toLowerCase()) {
          common.add(word.toLowerCase());
          continue;
        }
        // Capitalised after a sentence end, colon or opening quote says nothing about being a name.
        const at = lineStart + m.index;
        const before = text.slice(Math.max(0, at - 3), at);
        if (at > 0 && !/(?:^|[.!?:“"‘\n])\s*$/.test(before)) {
          const name = word.replace(/['’]s$/, '');
          names.add(name);
          // "Erdoğan" mid-sentence makes "Erdogan" opening a sentence a name too.
          if (!isPlainText(name)) names.add(withoutMarks(name));
        }
      }
      lineStart = lineEnd;
    }
  }
  return {
    common,
    names,
    isCommonWord: (lower) => common.has(lower) || (base?.isCommonWord(lower) ?? false),
    isNameWord: (word) => names.has(word) || (base?.isNameWord(word) ?? false),
  };
}
