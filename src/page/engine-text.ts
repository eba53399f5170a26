import type { TextMap } from './text-map';

/**
 * The text the engine reads for a page: the text map's string with line
 * breaks inside text nodes (HTML source wrapping) turned into spaces, so that
 * only real block boundaries (the map's virtual separators) break paragraphs.
 * Same length as `map.text`, so engine offsets are map offsets.
 */
export function engineText(map: TextMap): string {
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < map.nodes.length; i++) {
    const start = map.starts[i]!;
    const end = map.ends[i]!;
    if (start > at) parts.push(map.text.slice(at, start));
    parts.push(map.text.slice(start, end).replace(/[\r\n\u2028\u2029]/g, ' '));
    at = end;
  }
  parts.push(map.text.slice(at));
  return parts.join('');
}
