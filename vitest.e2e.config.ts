import { defineConfig } from 'vitest/config';

// Real browsers with the built extension (.output/). One file at a time: two
// browsers at once on this 2-core machine make timings flaky.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
