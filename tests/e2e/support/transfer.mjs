// Bytes a page's first load transfers (HTML + JS + CSS + data, as sent over the wire, compressed), counted
// from Chromium's own network events through the DevTools protocol, in a fresh context with an empty cache.

/**
 * Opens `url` in a fresh page of `browser` (its own context: no cache, no cookies unless `prepare` signs in),
 * waits until the network has been quiet for `quietMs` after `ready(page)` resolves, and returns
 * `{ total, byType: { Document, Script, Stylesheet, Fetch, … }, requests, list: [{ url, type, bytes }] }` in bytes.
 * `prepare(page)` runs first in a page of its own (e.g. to sign in); its requests are not counted, and the
 * cache is cleared after it.
 */
export async function firstLoadBytes(browser, url, { ready, prepare, viewport = { width: 360, height: 760 }, quietMs = 800 } = {}) {
  const context = await browser.newContext({ locale: 'en-GB', viewport });
  if (prepare) {
    const first = await context.newPage();
    await prepare(first);
    await first.waitForLoadState('networkidle');
    await first.close();
  }
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    const types = new Map();
    const byType = {};
    let total = 0;
    let requests = 0;
    let last = Date.now();
    const urls = new Map();
    const list = [];
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, e.type);
      urls.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId) ?? 'Other';
      byType[type] = (byType[type] ?? 0) + e.encodedDataLength;
      total += e.encodedDataLength;
      requests += 1;
      list.push({ url: urls.get(e.requestId) ?? '?', type, bytes: e.encodedDataLength });
      last = Date.now();
    });
    // WebSocket frames (live updates) are counted as they arrive.
    cdp.on('Network.webSocketFrameReceived', (e) => {
      const n = e.response.payloadData.length;
      byType.WebSocket = (byType.WebSocket ?? 0) + n;
      total += n;
      last = Date.now();
    });
    await page.goto(url);
    if (ready) await ready(page);
    last = Date.now();
    while (Date.now() - last < quietMs) await new Promise((r) => setTimeout(r, 100));
    return { total, byType, requests, list };
  } finally {
    await context.close();
  }
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
