import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
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

/**
 * Writes `<asset>.br` beside every script and stylesheet, compressed once at build time with Brotli's best
 * quality (11): ≈ 14 % smaller than what the server's on-the-fly compression (quality 4) sends. The API
 * serves the `.br` twin to browsers that accept it (apps/api/src/bootstrap.ts).
 */
function precompress(): Plugin {
  return {
    name: 'anyam-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = path.join(options.dir ?? '', 'assets');
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|json|svg)$/.test(name)) continue;
        const data = readFileSync(path.join(dir, name));
        if (data.length < 1024) continue;
        const br = brotliCompressSync(data, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        });
        writeFileSync(path.join(dir, `${name}.br`), br);
      }
    },
  };
}

// Fewer, larger chunks: each response costs ≈ 1 KB of headers on HTTP/1.1, so thirty 2 KB chunks cost as much
// as their content. Everything lazy stays lazy (graphql-ws, markdown-it, other pages, other languages).
const LAZY_VENDOR = /node_modules[\\/](graphql|graphql-ws|markdown-it|linkify-it|mdurl|uc\.micro|punycode\.js|entities)[\\/]|@apollo[\\/]client[\\/]link[\\/]subscriptions/;
const CHUNK_GROUPS = [
  // Libraries every page needs (React, Apollo, router, i18next) and the shell's own code.
  { name: 'vendor', test: (id: string) => id.includes('node_modules') && !LAZY_VENDOR.test(id) && !id.includes('lucide-react'), priority: 3, includeDependenciesRecursively: false },
  { name: 'icons', test: /lucide-react/, priority: 2 },
  // The shared client libraries (components, session, API client; not the pages or per-operation documents).
  { name: 'app', test: /libs[\\/]client[\\/](ui|account|graphql[\\/]src[\\/](?!operations))(?![^]*pages)[^]*\.tsx?$/, priority: 2 },
  // What the forum pages share: components, helpers and the forum's documents (not its pages or strings).
  { name: 'forum', test: /libs[\\/]client[\\/]forum[\\/]src[\\/](?!pages|locales)[^]*\.tsx?$|operations[\\/]Forum\w+\.ts$/, priority: 1 },
];

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
    precompress(),
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
    rolldownOptions: {
      output: { codeSplitting: { groups: CHUNK_GROUPS }, strictExecutionOrder: true },
    },
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
