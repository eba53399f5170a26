/**
 * Test helpers for the DOM edge: parse HTML into a fresh document, and
 * serialise a subtree so that text-node boundaries show (innerHTML hides them,
 * and exact restoration of those boundaries is what removeAll promises).
 */
import { MARK_ID_ATTR } from '../../../src/page/highlighter';

/**
 * Loads a full HTML page into the test's global (happy-dom) document and
 * returns it. The global document rather than a DOMParser one, because
 * happy-dom's Range only accepts nodes of the window's own document.
 */
export function loadHtml(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const imported = document.importNode(parsed.documentElement, true);
  document.removeChild(document.documentElement);
  document.appendChild(imported);
  return document;
}

/** One line per node, indented by depth; text nodes JSON-quoted so "" and " " stay visible. */
export function snapshot(root: Node, options: { normalizeIds?: boolean } = {}): string {
  const lines: string[] = [];
  const ids = new Map<string, string>();
  const walk = (node: Node, depth: number): void => {
    const pad = '  '.repeat(depth);
    if (node.nodeType === 3) {
      lines.push(`${pad}#text ${JSON.stringify((node as Text).data)}`);
      return;
    }
    if (node.nodeType === 8) {
      lines.push(`${pad}#comment ${JSON.stringify((node as Comment).data)}`);
      return;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      const attrs = Array.from(el.attributes)
        .map((a) => {
          let value = a.value;
          if (options.normalizeIds && a.name === MARK_ID_ATTR) {
            if (!ids.has(value)) ids.set(value, `id${ids.size}`);
            value = ids.get(value) ?? value;
          }
          return `${a.name}=${JSON.stringify(value)}`;
        })
        .sort()
        .join(' ');
      lines.push(`${pad}<${el.localName}${attrs ? ' ' + attrs : ''}>`);
    }
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines.join('\n');
}

/** Builds `<div id="root">` from a body fragment, attached to the global document's body. */
export function fragment(html: string): HTMLElement {
  const doc = loadHtml(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = doc.getElementById('root');
  if (!root) throw new Error('fixture has no #root');
  return root;
}
