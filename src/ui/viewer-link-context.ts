import { createContext } from 'preact';
import type { StatementRef } from './viewer-url';

/**
 * How links to the evidence viewer behave where they are rendered. Extension
 * pages open them in a new tab; the tooltip, living in a web page that may not
 * navigate to extension URLs, hands the click to its host instead.
 */
export interface ViewerLinkBehaviour {
  /** `_blank` to open a new tab (the popup), undefined to navigate in place (the viewer). */
  target?: '_blank';
  /** When set, a click calls this instead of following the link. */
  onOpen?: (ref: StatementRef) => void;
}

export const ViewerLinkContext = createContext<ViewerLinkBehaviour>({});
