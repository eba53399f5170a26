// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { watchDom, type DomWatch } from '../../../src/page/dom-watcher';
import { highlight, removeAll } from '../../../src/page/highlighter';
import { buildTextMap } from '../../../src/page/text-map';
import { fragment } from './dom-helpers';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Lets the MutationObserver deliver its records (a task, to be safe across DOM implementations). */
const delivered = () => sleep(0);

function paragraph(text: string, id?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  if (id) p.id = id;
  p.textContent = text;
  return p;
}

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});

/** Starts a watcher on a fresh article root with a long debounce, so tests flush by hand. */
function setup(options: { debounceMs?: number; maxWaitMs?: number; exclude?: Element[] } = {}) {
  const root = fragment('<article><p>Maria Keller said the bridge will close.</p></article>');
  const calls: Element[][] = [];
  const controller = new AbortController();
  controllers.push(controller);
  const watch: DomWatch = watchDom(root, (added) => calls.push(added), {
    signal: controller.signal,
    debounceMs: options.debounceMs ?? 10_000,
    maxWaitMs: options.maxWaitMs ?? 60_000,
    exclude: options.exclude,
  });
  return { root, calls, controller, watch };
}

describe('watchDom', () => {
  test('batches additions and reports only the outermost new elements', async () => {
    const { root, calls, watch } = setup();
    const section = document.createElement('section');
    section.append(paragraph('one', 'a'), paragraph('two', 'b'));
    root.appendChild(section);
    root.appendChild(paragraph('three', 'c'));
    section.appendChild(paragraph('four', 'd')); // inside an element of the same batch
    await delivered();
    watch.flush();
    expect(calls).toEqual([[section, root.querySelector('#c')]]);
  });

  test('debounces: one report after the page goes quiet', async () => {
    const { root, calls } = setup({ debounceMs: 40 });
    root.appendChild(paragraph('one'));
    await sleep(10);
    root.appendChild(paragraph('two'));
    await sleep(10);
    expect(calls).toHaveLength(0);
    await sleep(80);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(2);
  });

  test('maxWait: a page that never goes quiet still gets reports', async () => {
    const { root, calls } = setup({ debounceMs: 40, maxWaitMs: 60 });
    for (let i = 0; i < 15; i += 1) {
      root.appendChild(paragraph(`tick ${i}`));
      await sleep(10);
    }
    expect(calls.length).toBeGreaterThanOrEqual(1);
  });

  test("ignores the highlighter's own marks, splits and their removal", async () => {
    const { root, calls, watch } = setup();
    const map = buildTextMap(root);
    highlight(map, [
      { start: 0, end: 12, attrs: { 'data-kind': 'entity' } },
      { start: 0, end: 30, attrs: { 'data-kind': 'claim' } },
    ]);
    await delivered();
    watch.flush();
    removeAll(root);
    await delivered();
    watch.flush();
    expect(calls).toEqual([]);
  });

  test.each([
    ['a crosscheck-* host', () => document.createElement('crosscheck-tooltip-host')],
    [
      'an element tagged data-crosscheck-ui',
      () => {
        const div = document.createElement('div');
        div.setAttribute('data-crosscheck-ui', 'panel');
        return div;
      },
    ],
  ])('ignores %s and what goes inside it', async (_name, make) => {
    const { root, calls, watch } = setup();
    const host = make();
    root.appendChild(host);
    await delivered();
    host.appendChild(paragraph('inside our UI'));
    await delivered();
    watch.flush();
    expect(calls).toEqual([]);
  });

  test('ignores additions inside editors, scripts and excluded subtrees', async () => {
    const root = fragment('<article><div contenteditable="true"></div><aside id="x"></aside></article>');
    const aside = root.querySelector('#x');
    const editor = root.querySelector('[contenteditable]');
    if (!aside || !editor) throw new Error('fixture');
    const calls: Element[][] = [];
    const controller = new AbortController();
    controllers.push(controller);
    const watch = watchDom(root, (added) => calls.push(added), {
      signal: controller.signal,
      exclude: [aside],
    });
    editor.appendChild(paragraph('typing Maria Keller'));
    aside.appendChild(paragraph('related: Maria Keller'));
    root.appendChild(document.createElement('script'));
    await delivered();
    watch.flush();
    expect(calls).toEqual([]);
  });

  test('ignores bare text nodes (the highlighter adds those when it splits)', async () => {
    const { root, calls, watch } = setup();
    root.querySelector('p')?.appendChild(document.createTextNode(' More text.'));
    await delivered();
    watch.flush();
    expect(calls).toEqual([]);
  });

  test('reports an element once, even if the page moves it around', async () => {
    const { root, calls, watch } = setup();
    const p = paragraph('late news', 'late');
    root.appendChild(p);
    await delivered();
    watch.flush();
    root.prepend(p);
    await delivered();
    watch.flush();
    expect(calls).toEqual([[p]]);
  });

  test('skips elements removed again before the batch is reported', async () => {
    const { root, calls, watch } = setup();
    const p = paragraph('flash');
    root.appendChild(p);
    await delivered();
    p.remove();
    watch.flush();
    expect(calls).toEqual([]);
  });

  test('stops on abort: no reports, pending batch dropped', async () => {
    const { root, calls, controller } = setup({ debounceMs: 20 });
    root.appendChild(paragraph('pending'));
    await delivered();
    controller.abort();
    root.appendChild(paragraph('after abort'));
    await sleep(60);
    expect(calls).toEqual([]);
  });

  test('an already aborted signal never observes', async () => {
    const root = fragment('<article></article>');
    const onChange = vi.fn();
    const watch = watchDom(root, onChange, { signal: AbortSignal.abort() });
    root.appendChild(paragraph('x'));
    await delivered();
    watch.flush();
    expect(onChange).not.toHaveBeenCalled();
  });

  test('an error in the callback goes to onError and the watcher keeps going', async () => {
    const root = fragment('<article></article>');
    const controller = new AbortController();
    controllers.push(controller);
    const errors: unknown[] = [];
    let calls = 0;
    const watch = watchDom(
      root,
      () => {
        calls += 1;
        throw new Error('boom');
      },
      { signal: controller.signal, onError: (e) => errors.push(e) },
    );
    root.appendChild(paragraph('a'));
    await delivered();
    watch.flush();
    root.appendChild(paragraph('b'));
    await delivered();
    watch.flush();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });

  test('1,000 additions cost one report', async () => {
    const { root, calls, watch } = setup();
    const started = performance.now();
    for (let i = 0; i < 1000; i += 1) {
      root.appendChild(paragraph(`item ${i}`));
      // Separate microtasks, as a busy page would deliver them.
      await Promise.resolve();
    }
    await delivered();
    watch.flush();
    const elapsed = performance.now() - started;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(1000);
    // Generous bound: happy-dom is far slower than a browser; this guards against per-mutation DOM walks.
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('watchDom on a hostile or broken window', () => {
  test('throws a clear error when the window has no MutationObserver', () => {
    const root = fragment('<article></article>');
    const original = window.MutationObserver;
    try {
      Object.defineProperty(window, 'MutationObserver', {
        value: undefined,
        configurable: true,
        writable: true,
      });
      expect(() => watchDom(root, () => {}, { signal: new AbortController().signal })).toThrow(
        /no MutationObserver/,
      );
    } finally {
      Object.defineProperty(window, 'MutationObserver', {
        value: original,
        configurable: true,
        writable: true,
      });
    }
  });

  test('wraps a constructor that throws in a descriptive error', () => {
    const root = fragment('<article></article>');
    const original = window.MutationObserver;
    try {
      const Hostile = function () {
        throw new Error('page says no');
      };
      Object.defineProperty(window, 'MutationObserver', {
        value: Hostile,
        configurable: true,
        writable: true,
      });
      expect(() => watchDom(root, () => {}, { signal: new AbortController().signal })).toThrow(
        /could not observe/,
      );
    } finally {
      Object.defineProperty(window, 'MutationObserver', {
        value: original,
        configurable: true,
        writable: true,
      });
    }
  });
});
