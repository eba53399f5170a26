import type { DrivenTab } from './driven-browser';

// Reads of a news page that Crosscheck has marked, shared by the reading,
// popup and views tests. Each runs inside the page (`DrivenTab.evaluate`), so
// every function passed there is self-contained.

/** One mark as the page shows it: all its elements, joined by `data-mark-id`. */
export interface MarkInfo {
  markId: string;
  kind: string;
  /** `data-entity` of a name mark, `data-verdict` of a claim mark. */
  entity: string | null;
  verdict: string | null;
  /** `data-claim-index` of a claim mark. */
  claimIndex: string | null;
  /** The mark's text: its elements' text in document order. */
  text: string;
  /** How many of its elements are keyboard stops (`tabindex="0"` and `role="button"`). */
  stops: number;
  /** How many elements the mark was split into. */
  elements: number;
}

/** Everything the tests check about a page's marks in one read. */
export interface MarksReport {
  status: string | null;
  marks: MarkInfo[];
  /** Marks inside navigation, asides, comments, footers or the site header. */
  outsideStory: string[];
  /** Marks nested in a mark of the same kind (a double mark). */
  doubled: number;
}

/** Page furniture that must never hold a mark, in the fixture pages' markup. */
export const NOT_STORY =
  'nav, aside, footer, [role="banner"], [role="complementary"], .comments, #comments, body > header, .masthead';

/** Reads every mark on the page, grouped into marks by `data-mark-id`. */
export function readMarks(tab: DrivenTab): Promise<MarksReport> {
  return tab.evaluate((notStory: string) => {
    const byId = new Map<string, MarkInfo>();
    for (const el of Array.from(document.querySelectorAll('crosscheck-mark'))) {
      const id = el.getAttribute('data-mark-id') ?? `(no id ${byId.size})`;
      let mark = byId.get(id);
      if (!mark) {
        mark = {
          markId: id,
          kind: el.getAttribute('data-kind') ?? '',
          entity: el.getAttribute('data-entity'),
          verdict: el.getAttribute('data-verdict'),
          claimIndex: el.getAttribute('data-claim-index'),
          text: '',
          stops: 0,
          elements: 0,
        };
        byId.set(id, mark);
      }
      mark.text += el.textContent ?? '';
      mark.elements += 1;
      if (el.getAttribute('tabindex') === '0' && el.getAttribute('role') === 'button') mark.stops += 1;
    }
    const outsideStory = Array.from(document.querySelectorAll('crosscheck-mark'))
      .filter((el) => el.parentElement?.closest(notStory))
      .map(
        (el) => `${el.getAttribute('data-kind')}: ${el.textContent} (in ${el.closest(notStory)?.localName})`,
      );
    const doubled = Array.from(document.querySelectorAll('crosscheck-mark')).filter((el) =>
      el.parentElement?.closest(`crosscheck-mark[data-kind="${el.getAttribute('data-kind')}"]`),
    ).length;
    return {
      status: document.documentElement.getAttribute('data-crosscheck'),
      marks: Array.from(byId.values()),
      outsideStory,
      doubled,
    };
  }, NOT_STORY);
}

/** The claim marks of a report, one per claim. */
export function claimMarks(report: MarksReport): MarkInfo[] {
  return report.marks.filter((mark) => mark.kind === 'claim');
}

/** The name marks of a report, one per mention. */
export function entityMarks(report: MarksReport): MarkInfo[] {
  return report.marks.filter((mark) => mark.kind === 'entity');
}

/** Collapses runs of white space, as the engine does when it quotes a claim. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How `selector`'s subtree compares with the same subtree as the server sent it. */
export interface StoryComparison {
  /** `textContent` now equals `textContent` as served, byte for byte. */
  sameText: boolean;
  /** The subtree is node-for-node equal to the served one (`isEqualNode`: same elements, attributes, text nodes). */
  sameDom: boolean;
  liveText: string;
  servedText: string;
}

/**
 * Compares the live `selector` subtree with the one in the page's HTML as
 * served (fetched again and parsed with DOMParser, which runs no scripts and
 * no extension). For static pages this is the page before any marking.
 */
export function compareWithServed(tab: DrivenTab, selector: string): Promise<StoryComparison> {
  return tab.evaluate(async (sel: string) => {
    const response = await fetch(location.href, { cache: 'no-store' });
    const served = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector(sel);
    const live = document.querySelector(sel);
    if (!served || !live) throw new Error(`No ${sel} in the page as served or as it is now.`);
    return {
      sameText: live.textContent === served.textContent,
      sameDom: live.isEqualNode(served),
      liveText: live.textContent ?? '',
      servedText: served.textContent ?? '',
    };
  }, selector);
}

/** The open tooltip as a reader sees it, read through its open shadow root. */
export interface TooltipReport {
  /** A tooltip host exists, is displayed and holds a dialog. */
  open: boolean;
  kind: string | null;
  title: string | null;
  /** Evidence or statements grouped by outlet. */
  outlets: { outlet: string; statements: { id: string; relation: string | null; text: string }[] }[];
  /** Focus is inside the dialog (the document's active element is the host, the shadow's is in the dialog). */
  focusInside: boolean;
  /** The verdict chip's text, for a claim. */
  verdict: string | null;
}

/** Reads the page's tooltip (`crosscheck-tooltip`, open shadow root). */
export function readTooltip(tab: DrivenTab): Promise<TooltipReport> {
  return tab.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll('crosscheck-tooltip'));
    const host = hosts.find((h) => h.shadowRoot?.querySelector('[role="dialog"]')) ?? hosts[0];
    const root = host?.shadowRoot ?? null;
    const dialog = root?.querySelector('[role="dialog"]') ?? null;
    const displayed = !!host && getComputedStyle(host).display !== 'none';
    const outlets = Array.from(dialog?.querySelectorAll('li.cc-outlet[data-outlet]') ?? []).map((group) => ({
      outlet: group.getAttribute('data-outlet') ?? '',
      statements: Array.from(group.querySelectorAll('li[data-statement-id]')).map((item) => ({
        id: item.getAttribute('data-statement-id') ?? '',
        relation: item.getAttribute('data-relation'),
        text: item.querySelector('q')?.textContent ?? '',
      })),
    }));
    const active = root?.activeElement ?? null;
    return {
      open: displayed && dialog !== null,
      kind: dialog?.getAttribute('data-kind') ?? null,
      title: dialog?.querySelector('h2')?.textContent ?? null,
      outlets,
      focusInside: document.activeElement === host && !!active && !!dialog?.contains(active),
      verdict: dialog?.querySelector('.cc-verdict-line')?.textContent?.trim() ?? null,
    };
  });
}

/**
 * Scrolls the mark into the middle of the viewport and returns a point on
 * text that belongs to it and to no mark nested inside it (so hovering there
 * hovers this mark, not a name inside a claim), or null if there is none.
 */
export function pointOnMark(tab: DrivenTab, markId: string): Promise<{ x: number; y: number } | null> {
  return tab.evaluate((id: string) => {
    const elements = Array.from(document.querySelectorAll(`crosscheck-mark[data-mark-id="${id}"]`));
    elements[0]?.scrollIntoView({ block: 'center' });
    for (const el of elements) {
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType !== Node.TEXT_NODE || !(node.textContent ?? '').trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of Array.from(range.getClientRects())) {
          if (rect.width < 4 || rect.height < 4) continue;
          const x = rect.left + Math.min(rect.width / 2, 20);
          const y = rect.top + rect.height / 2;
          const hit = document.elementFromPoint(x, y)?.closest('crosscheck-mark');
          if (hit?.getAttribute('data-mark-id') === id) return { x, y };
        }
      }
    }
    return null;
  }, markId);
}

/** The focused element, described: its mark id and kind when it is a mark. */
export function focusedMark(
  tab: DrivenTab,
): Promise<{ tag: string; markId: string | null; kind: string | null }> {
  return tab.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.localName ?? '',
      markId: el?.getAttribute('data-mark-id') ?? null,
      kind: el?.getAttribute('data-kind') ?? null,
    };
  });
}
