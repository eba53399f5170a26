import type { Corpus } from '../../src/engine/types';
import { seededRandom, type Random } from './prng';
import { Story } from './story-rewrite';
import { personIds, recombinable, storyFor } from './synthetic-articles';

/** A page of text to analyse, with its size. */
export interface ComposedPage {
  title: string;
  text: string;
  words: number;
  sentences: number;
}

/** Share of a composed page's sentences that are about the corpus's story; the rest is filler. */
const ON_STORY_SHARE = 0.4;

/**
 * A page of about `words` words: sentences from `onStory` (what another outlet
 * would also report) mixed with filler, in paragraphs, under a title. Filler is
 * corpus sentences rewritten for a story the corpus does not know (invented
 * names, many invented words), so it costs the engine what an unrelated
 * passage costs: names to look up, common words to retrieve on, no evidence.
 */
function compose(
  random: Random,
  words: number,
  title: string,
  onStory: () => string,
  filler: () => string,
): ComposedPage {
  const paragraphs: string[] = [];
  let count = 0;
  let sentences = 0;
  while (count < words) {
    const paragraph: string[] = [];
    for (let k = random.int(1, 3); k > 0 && count < words; k--) {
      const sentence = random.chance(ON_STORY_SHARE) ? onStory() : filler();
      paragraph.push(sentence);
      count += sentence.split(/\s+/).length;
      sentences++;
    }
    paragraphs.push(paragraph.join(' '));
  }
  return { title, text: `${title}\n\n${paragraphs.join('\n\n')}\n`, words: count, sentences };
}

function fillerSource(seed: Corpus, random: Random, label: string): () => string {
  const pool = recombinable(seed);
  const isPerson = personIds(seed);
  const story = new Story(`${label}/filler`, { remapShare: 0.6, conflictRate: 0 });
  return () => story.rewrite(random.pick(pool), random, isPerson).text;
}

/** A page on the seed corpus's own story: its sentences verbatim (cycled) among filler. */
export function seedStoryPage(seed: Corpus, words: number, label = 'seed-page'): ComposedPage {
  const random = seededRandom(`${label}/${words}`);
  const pool = recombinable(seed);
  let order: typeof pool = [];
  const onStory = () => {
    if (order.length === 0) order = random.shuffle(pool);
    return order.pop()!.text;
  };
  return compose(
    random,
    words,
    'Officials weigh talks as allies watch',
    onStory,
    fillerSource(seed, random, label),
  );
}

/**
 * A page by a new outlet about synthetic story `n`: the story's sentences,
 * rewritten with its names and numbers, among filler. Not itself in the corpus.
 */
export function syntheticStoryPage(
  seed: Corpus,
  n: number,
  words: number,
  label = 'story-page',
): ComposedPage {
  const random = seededRandom(`${label}/${n}/${words}`);
  const pool = recombinable(seed);
  const isPerson = personIds(seed);
  const story = storyFor(n);
  const onStory = () => story.rewrite(random.pick(pool), random, isPerson).text;
  return compose(
    random,
    words,
    story.rewrite(random.pick(pool), random, isPerson).text,
    onStory,
    fillerSource(seed, random, label),
  );
}
