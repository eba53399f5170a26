import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit and DOM tests. Engine tests run in Node; DOM tests opt into happy-dom
// with a `@vitest-environment happy-dom` comment. End-to-end tests have their
// own config because they need the built extension and real browsers.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Property tests run hundreds of cases; a loaded CI machine needs more than the 5 s default.
    testTimeout: 30_000,
  },
});
