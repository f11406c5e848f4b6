/** Small pure helpers of the forum pages (unit-tested in __tests__/text.spec.ts). */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Turns HTML entities back into characters (the snippet is HTML text). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * A search snippet ("… the <mark>pendanaan</mark> of …") as plain text parts, marked or not. Every other
 * tag is dropped and entities decoded, so the page renders text nodes only: no HTML from the API is injected.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  for (const token of snippet.split(/(<\/?[a-z][^>]*>)/i)) {
    if (token === '') continue;
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(token);
    if (tag) {
      if (tag[2].toLowerCase() === 'mark') mark = tag[1] !== '/';
      continue;
    }
    // Snippets come from the Markdown source: drop emphasis and code markers so they read as text.
    const text = decodeEntities(token).replace(/\*\*|__|`/g, '');
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}

/** The visible text of a post's HTML, for a quote when the Markdown source is not ours to see. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)>/gi, '\n\n');
  return decodeEntities(withBreaks.replace(/<[^>]*>/g, ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A Markdown quote of a post, to start a reply with: "> **Name** wrote:" then each line quoted. */
export function quoteMarkdown(authorLine: string, body: string): string {
  // Drop quotes nested inside the quoted post so replies do not grow a pyramid of ">".
  const lines = body
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    .trim()
    .split('\n');
  return `> ${authorLine}\n${lines.map((line) => (line.trim() ? `> ${line}` : '>')).join('\n')}\n\n`;
}

/** An id for one reply attempt: the server returns the first post for a repeated id, so a retry never duplicates. */
export function newClientMutationId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Escapes text for the optimistic copy of a reply (shown until the server's sanitised HTML arrives). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain paragraphs of escaped text, for the optimistic reply and the preview. */
export function plainHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
