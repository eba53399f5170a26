/** A rectangle in viewport coordinates, as `getBoundingClientRect()` gives it. */
export interface AnchorRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface TooltipPlacement {
  /** Viewport coordinates for a `position: fixed` tooltip. */
  top: number;
  left: number;
  placement: 'above' | 'below';
}

/** Space kept between the tooltip and the mark it belongs to. */
export const TOOLTIP_GAP = 8;
/** Space kept between the tooltip and the viewport's edges. */
export const VIEWPORT_MARGIN = 8;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/**
 * Where to put a tooltip for a mark: below it when it fits, else above when
 * that fits, else on the roomier side. It is aligned with the mark's left edge
 * and shifted (never past the viewport's left or top edge) to stay inside the
 * viewport. Pure, so the content script's host only measures and applies.
 */
export function placeTooltip(anchor: AnchorRect, tooltip: Size, viewport: Size): TooltipPlacement {
  const spaceBelow = viewport.height - anchor.bottom - TOOLTIP_GAP - VIEWPORT_MARGIN;
  const spaceAbove = anchor.top - TOOLTIP_GAP - VIEWPORT_MARGIN;
  const fitsBelow = tooltip.height <= spaceBelow;
  const fitsAbove = tooltip.height <= spaceAbove;
  const placement = fitsBelow || (!fitsAbove && spaceBelow >= spaceAbove) ? 'below' : 'above';

  const wantedTop =
    placement === 'below' ? anchor.bottom + TOOLTIP_GAP : anchor.top - TOOLTIP_GAP - tooltip.height;
  const top = clamp(wantedTop, VIEWPORT_MARGIN, viewport.height - VIEWPORT_MARGIN - tooltip.height);
  const left = clamp(anchor.left, VIEWPORT_MARGIN, viewport.width - VIEWPORT_MARGIN - tooltip.width);
  return { top, left, placement };
}
