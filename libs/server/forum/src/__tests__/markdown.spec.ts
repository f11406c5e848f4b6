import { LINK_REL, renderMarkdown } from '../markdown';

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr']);

/**
 * Inert: every real element (a literal "<" only ever starts one; text comes out as &lt;) is on the
 * allowlist, carries no attribute but href/rel/start, and every href is a web or mail address.
 */
function expectInert(html: string) {
  for (const [, closing, tag, attrs] of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS).toContain(tag.toLowerCase());
    if (closing) continue;
    const names = [...attrs.matchAll(/\s([^\s=]+)=/g)].map((m) => m[1].toLowerCase());
    for (const name of names) expect(['href', 'rel', 'start']).toContain(name);
    const href = /\shref="([^"]*)"/.exec(attrs)?.[1];
    if (href !== undefined) expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
  }
  expect(html.replace(/<[^>]*>/g, '')).not.toMatch(/</);
}

// From the OWASP XSS Filter Evasion Cheat Sheet (and the Markdown-specific forms of the same ideas).
const VECTORS = [
  `<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>`,
  `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(1)//'>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=javascript:alert('XSS')>`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  `<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>`,
  `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=alert("XSS")>`,
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<svg/onload=alert('XSS')>`,
  `<svg><script>alert(1)</script></svg>`,
  `<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">`,
  `<DIV STYLE="width: expression(alert('XSS'));">`,
  `<p style="color:red">styled</p>`,
  `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
  `<TABLE BACKGROUND="javascript:alert('XSS')">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>`,
  `<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" AllowScriptAccess="always"></EMBED>`,
  `[click](javascript:alert(1))`,
  `[click](JaVaScRiPt:alert(1))`,
  `[click](javascript&#58;alert(1))`,
  `[click](&#106;avascript:alert(1))`,
  `[click](vbscript:msgbox(1))`,
  `[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![x](javascript:alert(1))`,
  `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  `![x](https://example.org/a.png "onerror=alert(1)")`,
  `[x](https://example.org" onclick="alert(1))`,
  `<a href="javascript:alert(1)">a</a>`,
  `<http://example.org/?a="><script>alert(1)</script>>`,
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
];

describe('renderMarkdown', () => {
  it.each(VECTORS.map((v) => [v]))('renders %s inert', (vector) => {
    expectInert(renderMarkdown(vector));
  });

  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('**Pendanaan** _berkelanjutan_\n\n- satu\n- dua')).toBe(
      '<p><strong>Pendanaan</strong> <em>berkelanjutan</em></p>\n<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>',
    );
  });

  it('shows raw HTML as text rather than dropping what a person typed', () => {
    expect(renderMarkdown('a <b>bold</b> claim')).toBe('<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>');
  });

  it('links bare URLs with nofollow ugc noopener', () => {
    expect(renderMarkdown('see https://example.org/x')).toBe(`<p>see <a href="https://example.org/x" rel="${LINK_REL}">https://example.org/x</a></p>`);
    expect(renderMarkdown('[site](https://example.org)')).toBe(`<p><a href="https://example.org" rel="${LINK_REL}">site</a></p>`);
  });

  it('keeps the text of a link whose URL is refused, without the link', () => {
    const html = renderMarkdown('[click](javascript:alert(1))');
    expect(html).not.toContain('href');
    expect(html).toContain('click');
  });

  it('turns top-level headings into h3/h4', () => {
    expect(renderMarkdown('# Title')).toBe('<h3>Title</h3>');
  });
});
