import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      // Worker threads (the simulation's, a big file's duplicate count) load their own entry, built next to main.js.
      rollupOptions: {
        input: {
          main: resolve('electron/main.ts'),
          'simulation-worker': resolve('electron/new-campaign/simulation-worker.ts'),
          'tally-worker': resolve('electron/dispositions/reading/tally-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        // zod ships comments Rollup cannot place; the notice repeats on every build and means nothing to a user.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  },
});
