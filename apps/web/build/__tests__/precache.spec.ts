import { precacheList, type BundleItem } from '../precache';

const chunk = (fileName: string, over: Partial<Extract<BundleItem, { type: 'chunk' }>> = {}): BundleItem => ({
  type: 'chunk',
  fileName,
  isEntry: false,
  facadeModuleId: null,
  moduleIds: [],
  imports: [],
  ...over,
});

const bundle: Record<string, BundleItem> = {
  'index.html': { type: 'asset', fileName: 'index.html' },
  'assets/index-a1.js': chunk('assets/index-a1.js', {
    isEntry: true,
    facadeModuleId: '/w/apps/web/src/main.tsx',
    imports: ['assets/vendor-b2.js'],
    viteMetadata: { importedCss: new Set(['assets/index-c3.css']), importedAssets: new Set() },
  }),
  'assets/vendor-b2.js': chunk('assets/vendor-b2.js', { moduleIds: ['/w/node_modules/react/index.js'] }),
  'assets/index-c3.css': { type: 'asset', fileName: 'assets/index-c3.css' },
  'assets/lesson-page-d4.js': chunk('assets/lesson-page-d4.js', {
    facadeModuleId: '/w/libs/client/learning/src/pages/lesson-page.tsx',
    moduleIds: ['/w/libs/client/learning/src/pages/lesson-page.tsx'],
    imports: ['assets/shared-e5.js'],
  }),
  'assets/shared-e5.js': chunk('assets/shared-e5.js', { moduleIds: ['/w/libs/client/ui/src/x.ts'] }),
  'assets/thread-page-f6.js': chunk('assets/thread-page-f6.js', {
    facadeModuleId: '/w/libs/client/forum/src/pages/thread-page.tsx',
    moduleIds: ['/w/libs/client/forum/src/pages/thread-page.tsx'],
    imports: ['assets/shared-e5.js', 'assets/forum-only-g7.js'],
  }),
  'assets/forum-only-g7.js': chunk('assets/forum-only-g7.js'),
  'assets/id-h8.js': chunk('assets/id-h8.js', {
    facadeModuleId: '/w/libs/client/forum/src/locales/id.json',
    moduleIds: ['/w/libs/client/forum/src/locales/id.json'],
  }),
  'assets/en-i9.js': chunk('assets/en-i9.js', {
    facadeModuleId: '/w/libs/client/learning/src/locales/en.json',
    moduleIds: ['/w/libs/client/learning/src/locales/en.json'],
  }),
};

describe('precacheList', () => {
  const list = precacheList(bundle, ['/libs/client/learning/src/pages/lesson-page']);

  it('keeps the shell: index.html, the entry, its static imports and its CSS', () => {
    expect(list).toEqual(
      expect.arrayContaining(['/index.html', '/assets/index-a1.js', '/assets/vendor-b2.js', '/assets/index-c3.css']),
    );
  });

  it('keeps the offline pages and what they import', () => {
    expect(list).toEqual(expect.arrayContaining(['/assets/lesson-page-d4.js', '/assets/shared-e5.js']));
  });

  it('leaves other pages and the interface languages to the runtime cache', () => {
    expect(list).not.toContain('/assets/thread-page-f6.js');
    expect(list).not.toContain('/assets/forum-only-g7.js');
    expect(list).not.toContain('/assets/id-h8.js');
    expect(list).not.toContain('/assets/en-i9.js');
  });

  it('lists each file once, sorted, as a URL path', () => {
    expect(list).toEqual([...new Set(list)].sort());
    expect(list.every((url) => url.startsWith('/'))).toBe(true);
  });
});
