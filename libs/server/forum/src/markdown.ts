import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Post bodies: Markdown rendered on the server (raw HTML in the source is shown as text, bare URLs become
 * links) and then sanitised with a strict allowlist, so even a bug in the renderer cannot let script,
 * event handlers, styles, images or non-web URLs through. Images are not allowed: they cost bandwidth and
 * can track readers in restrictive settings.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

export const LINK_REL = 'nofollow ugc noopener';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings h1/h2 would compete with the page's own; they become h3/h4.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: LINK_REL } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim(),
};

/** Markdown → safe HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/** Any HTML → safe HTML with the same allowlist (for HTML assembled elsewhere, e.g. search snippets). */
export function sanitizeForumHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/** What a reader sees in place of a removed post. */
export const REMOVED_POST_HTML = '<p><em>This post was removed.</em></p>';

/** What a reader sees in place of a post a moderator hid. */
export const HIDDEN_POST_HTML = '<p><em>This post was hidden by a moderator.</em></p>';
