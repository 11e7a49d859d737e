import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Two cores: native SQLite work and child processes compete; keep it calm.
    maxWorkers: 2,
    testTimeout: 30_000,
    setupFiles: ['scripts/test/propertySeed.ts'],
  },
});
