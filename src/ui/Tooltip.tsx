import { useId } from 'preact/hooks';
import type { Claim, PageEntity } from '../engine/types';
import { ClaimEvidence } from './ClaimEvidence';
import { EntitySummary } from './EntitySummary';
import { t } from './i18n';
import type { OutletStatement } from './outlet-groups';
import { ViewerLinkContext } from './viewer-link-context';
import type { StatementRef } from './viewer-url';

/** What a tooltip is about: a claim mark, or a name mark with what outlets say about that person or body. */
export type TooltipTarget =
  | { kind: 'claim'; claim: Claim }
  | { kind: 'entity'; entity: PageEntity; statements: readonly OutletStatement[] };

export interface TooltipProps {
  target: TooltipTarget;
  /** Called on Escape inside the tooltip and on its close button. */
  onClose: () => void;
  /**
   * Called instead of following an evidence link. A web page may not navigate
   * to an extension page, so the content script asks the background to open it.
   * Without it, links open the viewer in a new tab.
   */
  onOpenStatement?: (ref: StatementRef) => void;
}

/**
 * The tooltip shown for a mark, rendered by the content script into an
 * open-mode shadow root (with `tooltipCss`). It is a non-modal dialog because
 * it holds links and a close button; the host places it with `placeTooltip`,
 * moves focus to it when opened from the keyboard, and closes it on outside
 * clicks. `data-kind` says which kind of mark it belongs to.
 */
export function Tooltip({ target, onClose, onOpenStatement }: TooltipProps) {
  const titleId = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };
  return (
    <ViewerLinkContext.Provider value={onOpenStatement ? { onOpen: onOpenStatement } : { target: '_blank' }}>
      <div
        class="cc-theme cc-tooltip"
        role="dialog"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-kind={target.kind}
        onKeyDown={onKeyDown}
      >
        <div class="cc-tooltip__head">
          <h2 id={titleId} class="cc-tooltip__title">
            {target.kind === 'claim' ? t('tooltipClaimTitle') : target.entity.name}
          </h2>
          <button type="button" class="cc-tooltip__close" aria-label={t('tooltipClose')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {target.kind === 'claim' ? (
          <ClaimEvidence claim={target.claim} />
        ) : (
          <EntitySummary entity={target.entity} statements={target.statements} />
        )}
      </div>
    </ViewerLinkContext.Provider>
  );
}
