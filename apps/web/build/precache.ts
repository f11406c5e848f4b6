/**
 * Which built files the service worker downloads when it installs (the "precache"), worked out from Rollup's
 * output bundle. Pure, so it is unit-tested (__tests__/precache.spec.ts) without running a build.
 *
 * Precached: index.html (the page every route answers with), the entry chunk and everything it imports
 * statically (the app shell, with its CSS), and every chunk of the modules listed in `offlineModules` (the
 * learner's pages: the lesson reader must open without a connection) with their static imports.
 * Interface-language chunks (`…/locales/<lang>.json`) are not precached: a phone would download all four
 * languages for nothing. The page instead tells the worker which files it has already loaded (its own
 * language among them) and the worker keeps those; everything else is cached on first use.
 */

export interface BundleChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  moduleIds: string[];
  imports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

export interface BundleAsset {
  type: 'asset';
  fileName: string;
}

export type BundleItem = BundleChunk | BundleAsset;

const LOCALE_FILE = /\/locales\/[a-z]{2}\.json$/;

export function precacheList(bundle: Record<string, BundleItem>, offlineModules: string[]): string[] {
  const chunks = new Map<string, BundleChunk>();
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);

  const wanted = new Set<string>();
  const visit = (fileName: string) => {
    if (wanted.has(fileName)) return;
    wanted.add(fileName);
    const chunk = chunks.get(fileName);
    if (!chunk) return;
    for (const css of chunk.viteMetadata?.importedCss ?? []) wanted.add(css);
    for (const imported of chunk.imports) visit(imported);
  };

  const normalise = (id: string) => id.replace(/\\/g, '/');
  for (const chunk of chunks.values()) {
    const ids = [chunk.facadeModuleId, ...chunk.moduleIds].filter((id): id is string => !!id).map(normalise);
    const ofOfflineModule = ids.some((id) => offlineModules.some((folder) => id.includes(folder)) && !LOCALE_FILE.test(id));
    if (chunk.isEntry || ofOfflineModule) visit(chunk.fileName);
  }
  if (Object.prototype.hasOwnProperty.call(bundle, 'index.html')) wanted.add('index.html');
  return [...wanted].filter((name) => name in bundle).map((name) => `/${name}`).sort();
}
