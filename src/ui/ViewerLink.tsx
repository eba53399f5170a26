import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { ViewerLinkContext } from './viewer-link-context';
import { viewerUrl, type StatementRef } from './viewer-url';

export interface ViewerLinkProps {
  to: StatementRef;
  children: ComponentChildren;
  class?: string;
}

/**
 * A link to a statement (or article) in the evidence viewer, behaving as the
 * surrounding `ViewerLinkContext` says. Modified clicks (new tab, etc.) are
 * left to the browser.
 */
export function ViewerLink({ to, children, class: className }: ViewerLinkProps) {
  const { target, onOpen } = useContext(ViewerLinkContext);
  const onClick = (event: MouseEvent) => {
    if (!onOpen || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    onOpen(to);
  };
  return (
    <a
      class={className}
      href={viewerUrl(to)}
      target={target}
      rel={target ? 'noopener' : undefined}
      onClick={onClick}
      data-article-id={to.articleId}
      data-statement-id={to.statementId}
    >
      {children}
    </a>
  );
}
