import { defineConfig } from '@playwright/test';

// One spec set, run on real Electron when its binary exists, else on the built renderer in
// Chromium with the real main-process handlers (see test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  globalSetup: './test/e2e/global-setup.ts',
  use: { trace: 'off' },
});
