import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './build/service-worker-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

// The @anyam/* aliases of tsconfig.base.json that the browser may use: client and shared libraries only
// (client code never imports server libraries; an import of one fails to resolve here).
const { compilerOptions } = JSON.parse(readFileSync(`${workspace}/tsconfig.base.json`, 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.fromEntries(
  Object.entries(compilerOptions.paths)
    .filter(([name]) => name.startsWith('@anyam/client/') || name.startsWith('@anyam/shared/'))
    .map(([name, [target]]) => [name, `${workspace}/${target}`]),
);

export default defineConfig({
  root,
  base: '/',
  // The service worker precaches the shell and the learner's learning pages (lessons must open offline):
  // build/sw.js. Authoring pages (with markdown-it) are left to the runtime cache.
  plugins: [
    react(),
    serviceWorkerPlugin({
      offlineModules: [
        '/libs/client/learning/src/pages/catalogue-page',
        '/libs/client/learning/src/pages/module-page',
        '/libs/client/learning/src/pages/lesson-page',
        '/libs/client/learning/src/pages/my-learning-page',
        '/libs/client/learning/src/components/learning-status',
      ],
    }),
  ],
  resolve: {
    // Exact matches only, so "@anyam/client/ui" never swallows a deeper path.
    alias: Object.entries(alias).map(([find, replacement]) => ({
      find: new RegExp(`^${find.replace(/[/]/g, '\\/')}$`),
      replacement,
    })),
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    port: 4200,
    proxy: {
      '/graphql': { target: 'http://localhost:3000', ws: true, changeOrigin: false },
      '/health': { target: 'http://localhost:3000' },
    },
  },
  preview: {
    port: 4300,
    proxy: {
      '/graphql': { target: 'http://localhost:3000', ws: true, changeOrigin: false },
    },
  },
});
