import { snippetParts } from '../text';

/**
 * A search snippet with its matched words highlighted. The API marks them with <mark>; the snippet is split
 * into text parts and rendered as text nodes, so nothing in it is ever inserted as HTML.
 */
export function Snippet({ html, lang }: { html: string; lang?: string }) {
  return (
    <p className="an-forum-snippet" lang={lang}>
      {snippetParts(html).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
