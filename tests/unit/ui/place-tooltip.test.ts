import { describe, expect, test } from 'vitest';
import { placeTooltip, TOOLTIP_GAP as GAP, VIEWPORT_MARGIN as M } from '../../../src/ui/place-tooltip';

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 200 };
const rect = (top: number, left: number, height = 20, width = 100) => ({
  top,
  left,
  bottom: top + height,
  right: left + width,
});

describe('placeTooltip', () => {
  test.each([
    {
      name: 'below a mark with room below',
      anchor: rect(100, 50),
      expected: { top: 120 + GAP, left: 50, placement: 'below' },
    },
    {
      name: 'flips above a mark near the bottom edge',
      anchor: rect(700, 50),
      expected: { top: 700 - GAP - 200, left: 50, placement: 'above' },
    },
    {
      name: 'stays below when exactly fitting',
      anchor: rect(800 - 20 - GAP - M - 200, 50),
      expected: { top: 800 - M - 200, left: 50, placement: 'below' },
    },
    {
      name: 'shifts left at the right edge',
      anchor: rect(100, 900),
      expected: { top: 120 + GAP, left: 1000 - M - 300, placement: 'below' },
    },
    {
      name: 'shifts right of the left edge',
      anchor: rect(100, -40),
      expected: { top: 120 + GAP, left: M, placement: 'below' },
    },
    {
      name: 'takes the roomier side and clamps when it fits neither',
      anchor: rect(150, 50, 20),
      viewportHeight: 300,
      expected: { top: M, left: 50, placement: 'above' },
    },
    {
      name: 'prefers below when neither fits and below is roomier',
      anchor: rect(40, 50, 20),
      viewportHeight: 250,
      expected: { top: 250 - M - 200, left: 50, placement: 'below' },
    },
    {
      name: 'pins to the margin a tooltip wider than the viewport',
      anchor: rect(100, 200),
      viewportWidth: 250,
      expected: { top: 120 + GAP, left: M, placement: 'below' },
    },
  ])('$name', ({ anchor, viewportHeight, viewportWidth, expected }) => {
    const vp = { width: viewportWidth ?? viewport.width, height: viewportHeight ?? viewport.height };
    expect(placeTooltip(anchor, size, vp)).toEqual(expected);
  });

  test('never leaves the viewport for any anchor that is on screen', () => {
    for (let top = 0; top <= 780; top += 20) {
      for (let left = 0; left <= 900; left += 50) {
        const place = placeTooltip(rect(top, left), size, viewport);
        expect(place.top).toBeGreaterThanOrEqual(M);
        expect(place.top + size.height).toBeLessThanOrEqual(viewport.height - M);
        expect(place.left).toBeGreaterThanOrEqual(M);
        expect(place.left + size.width).toBeLessThanOrEqual(viewport.width - M);
      }
    }
  });
});
