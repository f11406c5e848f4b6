import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { precacheList, type BundleItem } from './precache';

/**
 * Emits `sw.js` at the root of the build (so its scope is the whole site): the hand-written worker in
 * ./sw.js with the precache list of this build and a version derived from it (the file names carry content
 * hashes, so any change to the app gives a new version and a new cache; index.html's own bytes are hashed too).
 */
export function serviceWorkerPlugin({ offlineModules }: { offlineModules: string[] }): Plugin {
  return {
    name: 'anyam:service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = precacheList(bundle as unknown as Record<string, BundleItem>, offlineModules);
      const index = bundle['index.html'];
      const indexSource = index && index.type === 'asset' ? String(index.source) : '';
      const version = createHash('sha256').update(files.join('\n')).update(indexSource).digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
      const source = template
        .replace('self.__PRECACHE__', JSON.stringify(files))
        .replace('self.__VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
