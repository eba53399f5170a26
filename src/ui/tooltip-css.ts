import css from './styles/tooltip.css?inline';

/**
 * The tooltip's stylesheet as a string, for the content script to put in the
 * tooltip's shadow root (page styles cannot reach in, ours cannot leak out).
 */
export const tooltipCss: string = css;
