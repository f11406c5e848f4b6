/** A handle as members have it: lower-case letters, digits and underscores, 2–30 long. */
export const HANDLE = /^[a-z0-9_]{2,30}$/;

/** At most this many members are told of a mention per post (a list of fifty handles is spam, not a conversation). */
export const MENTIONS_MAX = 10;

/**
 * The distinct handles @mentioned in a Markdown body, lower-cased, in order of first appearance. Code
 * (fenced blocks and inline spans) and e-mail addresses do not mention anyone; a mention starts the text
 * or follows a character that is not a letter, digit, underscore or @.
 */
export function parseMentions(markdown: string): string[] {
  const text = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|(?![\s\S]))/gm, ' ')
    .replace(/`+[^`\n]*`+/g, ' ');
  const found: string[] = [];
  for (const m of text.matchAll(/(^|[^\p{L}\p{N}_@.])@([A-Za-z0-9_]{2,30})(?![A-Za-z0-9_])/gu)) {
    const handle = m[2].toLowerCase();
    if (!found.includes(handle)) found.push(handle);
    if (found.length === MENTIONS_MAX) break;
  }
  return found;
}
