/**
 * How marks look, as one stylesheet injected once per document. Every
 * selector starts at `crosscheck-mark`, so nothing of the page is restyled.
 *
 * Verdicts differ by underline style and an end icon as well as hue (never
 * colour alone), and all lines use `currentColor`: they then have the page's
 * own text contrast on light and dark pages alike. Hue is only a translucent
 * background tint, which keeps text contrast close to the page's.
 *
 * Injected as a `<style>` element, not `adoptedStyleSheets`: page frameworks
 * that assign `document.adoptedStyleSheets = [...]` would silently drop ours,
 * and Firefox content scripts need page-world constructors to adopt a sheet.
 * The text is set before the element is inserted, which makes Firefox apply
 * the extension's CSP instead of the page's (a strict `style-src` would
 * otherwise block it; see mozilla/firefox-translations#272).
 */
import { MARK_END_ATTR } from './highlighter';
import { MARK_TAG } from './text-map';

export interface MarkStyleOptions {
  /** How unverified claims show: a faint dotted underline, or not at all. Default 'subtle'. */
  unverified?: 'subtle' | 'hidden';
}

/** Handle on the injected stylesheet. */
export interface MarkStyleHandle {
  /** Rewrites the stylesheet for new options (and re-inserts it if the page removed it). */
  update(options: MarkStyleOptions): void;
  /** Takes the stylesheet out of the page. */
  remove(): void;
}

const STYLE_ID = 'mark-styles';
const M = MARK_TAG;
const END = `[${MARK_END_ATTR}]`;

/**
 * Returns the CSS for marks. Exported separately from the injector so that a
 * shadow root (or a test) can use the same text.
 */
export function markStyles(options: MarkStyleOptions = {}): string {
  const unverified =
    options.unverified === 'hidden'
      ? `${M}[data-kind="claim"][data-verdict="unverified"] { text-decoration: none; background: none; cursor: inherit; }`
      : `${M}[data-kind="claim"][data-verdict="unverified"] { text-decoration-style: dotted; text-decoration-thickness: 1px; background: none; }`;
  return `
/* Marks wrap inline text only; guard the few properties page rules such as
   ".story > *" could use to break the flow of a paragraph. */
${M} {
  display: inline !important;
  float: none !important;
  position: static !important;
  margin: 0 !important;
  padding: 0 !important;
  border-radius: 0.15em;
  text-decoration-skip-ink: auto;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
${M}[data-kind] { cursor: help; }
${M}[tabindex]:focus { outline: none; }
${M}[tabindex]:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }

${M}[data-kind="entity"] {
  text-decoration: underline dotted currentColor;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.2em;
}

${M}[data-kind="claim"] {
  text-decoration-line: underline;
  text-decoration-color: currentColor;
  text-decoration-thickness: 2px;
  text-underline-offset: 0.25em;
}
${M}[data-kind="claim"][data-verdict="corroborated"] { text-decoration-style: solid; background-color: rgb(22 163 74 / 0.16); }
${M}[data-kind="claim"][data-verdict="conflicting"] { text-decoration-style: wavy; text-decoration-thickness: 1.5px; background-color: rgb(220 38 38 / 0.16); }
${M}[data-kind="claim"][data-verdict="mixed"] { text-decoration-style: dashed; background-color: rgb(217 119 6 / 0.18); }
${M}[data-kind="claim"][data-verdict="corroborated"]:hover,
${M}[data-kind="claim"][data-verdict="corroborated"][aria-expanded="true"] { background-color: rgb(22 163 74 / 0.28); }
${M}[data-kind="claim"][data-verdict="conflicting"]:hover,
${M}[data-kind="claim"][data-verdict="conflicting"][aria-expanded="true"] { background-color: rgb(220 38 38 / 0.28); }
${M}[data-kind="claim"][data-verdict="mixed"]:hover,
${M}[data-kind="claim"][data-verdict="mixed"][aria-expanded="true"] { background-color: rgb(217 119 6 / 0.3); }
${unverified}

/* One icon per claim, after its last element. The "/ ''" alternative text
   keeps screen readers from reading the glyph into the mark's name; browsers
   without that syntax drop the second declaration and keep the first. */
${M}[data-kind="claim"]${END}::after { font-size: 0.75em; margin-inline-start: 0.15em; text-decoration: none; display: inline-block; }
${M}[data-kind="claim"][data-verdict="corroborated"]${END}::after { content: "\\2713"; content: "\\2713" / ""; }
${M}[data-kind="claim"][data-verdict="conflicting"]${END}::after { content: "\\2717"; content: "\\2717" / ""; }
${M}[data-kind="claim"][data-verdict="mixed"]${END}::after { content: "\\00B1"; content: "\\00B1" / ""; }

@media (forced-colors: active) {
  ${M}[tabindex]:focus-visible { outline-color: Highlight; }
}
@media print {
  ${M} { background: none !important; text-decoration: none !important; }
  ${M}${END}::after { content: none !important; }
}
`;
}

/**
 * Puts the mark stylesheet into `doc` (once: a second call reuses the
 * element) and returns a handle to update or remove it. The element carries
 * `data-crosscheck-ui`, so the text map and the DOM watcher ignore it.
 */
export function injectMarkStyles(doc: Document, options: MarkStyleOptions = {}): MarkStyleHandle {
  let style = doc.querySelector<HTMLStyleElement>(`style[data-crosscheck-ui="${STYLE_ID}"]`);
  const attach = (css: string): void => {
    if (!style) {
      style = doc.createElement('style');
      style.setAttribute('data-crosscheck-ui', STYLE_ID);
    }
    style.textContent = css;
    if (!style.isConnected) (doc.head ?? doc.documentElement).appendChild(style);
  };
  attach(markStyles(options));
  return {
    update: (next) => attach(markStyles(next)),
    remove: () => {
      style?.remove();
      style = null;
    },
  };
}
