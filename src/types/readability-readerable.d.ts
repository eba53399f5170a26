/**
 * Types for the deep import of Readability's readerable check. Importing it
 * alone keeps the rest of Readability (about 90 KB) out of the content script.
 */
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';

  const check: typeof isProbablyReaderable;
  export default check;
}
