/**
 * The reply box's preview, rendered in the browser with the same Markdown rules as the server
 * (markdown-it: raw HTML shown as text, bare URLs linked, line breaks kept; no images; h1/h2 → h3/h4; only
 * http(s) and mailto links). markdown-it loads on the first preview only, never with the page.
 * It shows people their own text; the server still renders and sanitises what is posted.
 */
type Render = (source: string) => string;
let loading: Promise<Render> | null = null;

export function loadMarkdownRenderer(): Promise<Render> {
  loading ??= import('markdown-it').then(({ default: MarkdownIt }) => {
    const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
    md.disable(['image']);
    md.validateLink = (url: string) => {
      const value = url.trim();
      return /^(https?:|mailto:)/i.test(value) || !/^[a-z][a-z0-9+.-]*:/i.test(value);
    };
    const shift = { h1: 'h3', h2: 'h4' } as Record<string, string>;
    for (const rule of ['heading_open', 'heading_close'] as const) {
      md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
        tokens[idx].tag = shift[tokens[idx].tag] ?? tokens[idx].tag;
        return self.renderToken(tokens, idx, options);
      };
    }
    md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
      tokens[idx].attrSet('rel', 'nofollow ugc noopener');
      return self.renderToken(tokens, idx, options);
    };
    return (source: string) => md.render(source);
  });
  return loading;
}
