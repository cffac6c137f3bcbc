import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// Main is ESM (package type "module"); the sandboxed preload must be one CommonJS file.
export default defineConfig({
  main: {
    build: { rolldownOptions: { input: { index: resolve('app/main/index.ts') } } },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('app/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: { rolldownOptions: { input: { index: resolve('renderer/index.html') } } },
    plugins: [react()],
  },
});
