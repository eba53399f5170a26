import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Tooltip, type TooltipTarget } from '../ui/Tooltip';
import { tooltipCss } from '../ui/tooltip-css';
import { placeTooltip } from '../ui/place-tooltip';
import type { StatementRef } from '../ui/viewer-url';
import { MARK_TAG } from './text-map';

export interface TooltipHostOptions {
  /** What the tooltip for a mark shows, or null when the mark is not ours any more. */
  targetOf(mark: HTMLElement): Promise<TooltipTarget | null>;
  /** Milliseconds a pointer rests on a mark before its tooltip opens. */
  delayMs(): number;
  openStatement(ref: StatementRef): void;
  signal: AbortSignal;
}

const HOST_NAME = 'crosscheck-tooltip';
/** Time to move the pointer from a mark into its tooltip before it closes. */
const CLOSE_GRACE_MS = 300;

function markOf(target: EventTarget | null): HTMLElement | null {
  if (!target || !(target as Element).closest) return null;
  const mark = (target as Element).closest(`${MARK_TAG}[data-kind]`);
  return mark instanceof HTMLElement ? mark : null;
}

/** The element of a mark that carries its keyboard stop (marks split across elements share an id). */
function focusTarget(mark: HTMLElement): HTMLElement {
  const id = mark.getAttribute('data-mark-id');
  const doc = mark.ownerDocument;
  return (
    (id && doc.querySelector<HTMLElement>(`${MARK_TAG}[data-mark-id="${CSS.escape(id)}"][tabindex]`)) || mark
  );
}

/**
 * The one tooltip of the page: a Preact view in an open shadow root, opened
 * by hovering a mark (after a delay), by focusing it, or by Enter; closed by
 * Escape, a click outside, or when its mark scrolls out of view. Every
 * listener and timer is tied to the content script context and the run's signal.
 *
 * The listeners are attached at once; the shadow root goes into the page only
 * when a tooltip first opens. The content script runs on every web page, and
 * most of them are not articles: those are left without an element of ours,
 * a shadow root or a stylesheet to parse, and nothing is added to the body of
 * an app whose framework owns it.
 */
export function createTooltipHost(ctx: ContentScriptContext, doc: Document, options: TooltipHostOptions) {
  let current: HTMLElement | null = null;
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  let frame = 0;
  let host: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  let quietFocus: HTMLElement | null = null;
  let mounted: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;

  const mount = () =>
    (mounted ??= createShadowRootUi(ctx, {
      name: HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // WXT's default reset is `:host { all: initial !important }`, which would beat the
      // inline position we set on the host; the same reset without !important does not.
      inheritStyles: true,
      css: `:host { all: initial; }\n${tooltipCss}`,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(uiContainer) {
        container = uiContainer;
        return uiContainer;
      },
      onRemove(uiContainer) {
        if (uiContainer) render(null, uiContainer);
      },
    }).then((ui) => {
      const shadowHost = ui.shadowHost;
      shadowHost.setAttribute('data-crosscheck-ui', '');
      Object.assign(shadowHost.style, {
        position: 'fixed',
        top: '0px',
        left: '0px',
        zIndex: '2147483647',
        display: 'none',
      });
      shadowHost.addEventListener('mouseenter', () => window.clearTimeout(closeTimer));
      shadowHost.addEventListener('mouseleave', () => scheduleClose());
      ui.mount();
      host = shadowHost;
      return ui;
    }));

  const place = () => {
    frame = 0;
    if (!current || !container || !host) return;
    const anchor = current.getBoundingClientRect();
    const viewport = { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight };
    if (anchor.bottom < 0 || anchor.top > viewport.height) {
      close(false);
      return;
    }
    const box = host.getBoundingClientRect();
    const spot = placeTooltip(anchor, { width: box.width, height: box.height }, viewport);
    host.style.top = `${spot.top}px`;
    host.style.left = `${spot.left}px`;
    host.dataset.placement = spot.placement;
  };

  const close = (returnFocus: boolean) => {
    window.clearTimeout(openTimer);
    window.clearTimeout(closeTimer);
    if (!current) return;
    const mark = current;
    current = null;
    focusTarget(mark).setAttribute('aria-expanded', 'false');
    if (container) render(null, container);
    if (host) host.style.display = 'none';
    if (returnFocus) {
      // Focus goes back to the mark; that must not open the tooltip the reader just closed.
      quietFocus = focusTarget(mark);
      quietFocus.focus();
      quietFocus = null;
    }
  };

  const open = async (mark: HTMLElement, moveFocus: boolean) => {
    window.clearTimeout(openTimer);
    window.clearTimeout(closeTimer);
    if (current === mark && !moveFocus) return;
    const target = await options.targetOf(mark);
    if (!target || options.signal.aborted) return;
    try {
      await mount();
    } catch {
      // Without a tooltip the marks still show their verdicts; the page keeps working.
      return;
    }
    if (!container || !host || options.signal.aborted) return;
    if (current && current !== mark) focusTarget(current).setAttribute('aria-expanded', 'false');
    current = mark;
    focusTarget(mark).setAttribute('aria-haspopup', 'dialog');
    focusTarget(mark).setAttribute('aria-expanded', 'true');
    render(
      <Tooltip target={target} onClose={() => close(true)} onOpenStatement={options.openStatement} />,
      container,
    );
    host.style.display = 'block';
    place();
    if (moveFocus) container.querySelector<HTMLElement>('[role=dialog]')?.focus();
  };

  const scheduleClose = () => {
    window.clearTimeout(closeTimer);
    closeTimer = ctx.setTimeout(() => close(false), CLOSE_GRACE_MS);
  };

  const listen = <K extends keyof DocumentEventMap>(
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    capture = false,
  ) => ctx.addEventListener(doc, type, handler, { capture, signal: options.signal });

  listen('mouseover', (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    window.clearTimeout(closeTimer);
    if (mark === current) return;
    window.clearTimeout(openTimer);
    openTimer = ctx.setTimeout(() => void open(mark, false), options.delayMs());
  });
  listen('mouseout', (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    window.clearTimeout(openTimer);
    if (mark === current && !markOf(event.relatedTarget)) scheduleClose();
  });
  listen('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark && event.target !== quietFocus) void open(mark, false);
  });
  listen('keydown', (event) => {
    if (event.key === 'Escape' && current) {
      close(true);
      return;
    }
    const mark = markOf(event.target);
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      void open(mark, true);
    }
  });
  listen(
    'pointerdown',
    (event) => {
      if (!current) return;
      const path = event.composedPath();
      if ((host && path.includes(host)) || path.includes(current)) return;
      close(false);
    },
    true,
  );
  listen(
    'scroll',
    () => {
      if (current && !frame) frame = requestAnimationFrame(place);
    },
    true,
  );
  options.signal.addEventListener('abort', () => {
    close(false);
    void mounted?.then(
      (ui) => ui.remove(),
      () => undefined,
    );
  });

  return {
    /** Closes the tooltip, e.g. before marks are removed. */
    close: () => close(false),
    /** Opens the tooltip for a mark, moving focus into it. */
    openFor: (mark: HTMLElement) => open(mark, true),
  };
}
