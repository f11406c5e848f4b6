/* Anyam's service worker (hand-written; the build fills in the precache list and version: see
 * service-worker-plugin.ts). What it does, and nothing more:
 *  - install: downloads the app shell (index.html, the entry chunk and its imports, the learning pages, the
 *    interface strings) into the cache "anyam-shell-<version>";
 *  - page navigations: the network first (fresh HTML after a deploy), the cached index.html when offline;
 *  - /assets/*: from the cache first (file names carry content hashes, so a cached file never goes stale),
 *    otherwise from the network, kept in "anyam-assets-<version>" for the next time;
 *  - anything else (GraphQL, health, iCalendar, certificates, uploads): untouched, straight to the network.
 * Lesson text is not kept here but in IndexedDB by the learning pages, where it belongs to a member. */
/* global self, caches */
const VERSION = self.__VERSION__;
const PRECACHE = self.__PRECACHE__;
const SHELL = `anyam-shell-${VERSION}`;
const ASSETS = `anyam-assets-${VERSION}`;
const PASS_THROUGH = ['/graphql', '/health', '/ical', '/certificates', '/uploads', '/files', '/sw.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      // `reload`: straight from the server, never from the HTTP cache (a half-deployed mix would be kept).
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith('anyam-shell-') || name.startsWith('anyam-assets-'))
          .filter((name) => name !== SHELL && name !== ASSETS)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

async function fromCache(request) {
  return (await caches.match(request, { cacheName: SHELL })) ?? (await caches.match(request, { cacheName: ASSETS }));
}

async function asset(request) {
  const cached = await fromCache(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(ASSETS).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/index.html', { cacheName: SHELL });
    if (shell) return shell;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (PASS_THROUGH.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
  }
});

/* Messages from the page:
 *  - { type: 'anyam:keep', urls }: files the page loaded before this worker controlled it (its interface
 *    language, the page it opened first); kept like any other asset, so the next visit works offline too;
 *  - 'anyam:version' (with a MessagePort): which version runs and how many files it precached. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data && data.type === 'anyam:keep' && Array.isArray(data.urls)) {
    const urls = data.urls
      .map((url) => new URL(url, self.location.origin))
      .filter((url) => url.origin === self.location.origin && url.pathname.startsWith('/assets/'))
      .map((url) => url.pathname);
    event.waitUntil(
      (async () => {
        const cache = await caches.open(ASSETS);
        for (const path of urls) {
          if (!(await fromCache(path))) await cache.add(path).catch(() => undefined);
        }
      })(),
    );
  } else if (data === 'anyam:version' && event.ports[0]) {
    event.ports[0].postMessage({ version: VERSION, files: PRECACHE.length });
  }
});
