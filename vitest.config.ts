import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start processes on a shared, sometimes loaded, two-core machine.
    testTimeout: 60_000,
  },
});
