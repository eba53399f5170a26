export interface QuoteProps {
  text: string;
}

/** Statements that already open with a quotation mark would otherwise show two. */
const OPENS_WITH_QUOTE = /^\s*["“‘'«]/;

/**
 * A statement from another outlet, in quotation marks (an inline `<q>`), as
 * text only. A statement that is itself a quotation keeps its own marks.
 */
export function Quote({ text }: QuoteProps) {
  return <q class={OPENS_WITH_QUOTE.test(text) ? 'cc-own-quotes' : undefined}>{text}</q>;
}
