/** Texts staged at once; a tab that navigates away mid-send leaves its parts behind, so old ones make way. */
const MAX_STAGED = 8;

/**
 * Long article texts that content scripts send in parts before asking for
 * their analysis (see `sendTextPart`), so that no one message holds the
 * page's thread for long. Keyed by a random key of the sender's choosing.
 */
export class StagedTexts {
  private readonly texts = new Map<string, string[]>();

  add(key: string, index: number, part: string): void {
    let parts = this.texts.get(key);
    if (!parts) {
      if (this.texts.size >= MAX_STAGED) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(key, (parts = []));
    }
    parts[index] = part;
  }

  /** The whole text, once; throws when a part is missing (the worker restarted mid-send: send them again). */
  take(key: string, count: number): string {
    const parts = this.texts.get(key);
    this.texts.delete(key);
    if (!parts || !isWhole(parts, count))
      throw new Error('the article text did not arrive whole; send it again');
    return parts.join('');
  }
}

/** Every one of `count` parts present (a loop: array methods skip the holes a missing part leaves). */
function isWhole(parts: readonly (string | undefined)[], count: number): boolean {
  if (parts.length !== count) return false;
  for (let i = 0; i < count; i++) if (parts[i] === undefined) return false;
  return true;
}
