import { Fragment, type ReactNode } from 'react';

/**
 * Markdown minutes as React elements: headings, bullet and numbered lists, paragraphs, **bold**, *emphasis*,
 * `code` and [links](https://…). Everything is text to React, so nothing typed becomes HTML; links only
 * for http(s) and mailto.
 */
export function MinutesView({ markdown }: { markdown: string }) {
  const blocks: ReactNode[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      // Minutes sit under the page's h2 "Minutes": their headings start at h3.
      const level = Math.min(6, heading[1].length + 2);
      const Tag = `h${level}` as 'h3';
      blocks.push(<Tag key={i}>{inline(heading[2])}</Tag>);
      i++;
      continue;
    }
    const list = bullet.test(line) ? bullet : numbered.test(line) ? numbered : null;
    if (list) {
      const items: ReactNode[] = [];
      while (i < lines.length && list.test(lines[i])) {
        items.push(<li key={i}>{inline(lines[i].replace(list, ''))}</li>);
        i++;
      }
      blocks.push(list === bullet ? <ul key={`l${i}`}>{items}</ul> : <ol key={`l${i}`}>{items}</ol>);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() && !HEADING.test(lines[i]) && !bullet.test(lines[i]) && !numbered.test(lines[i])) {
      para.push(lines[i].trim());
      i++;
    }
    blocks.push(<p key={`p${i}`}>{inline(para.join(' '))}</p>);
  }
  return <div className="an-minutes">{blocks}</div>;
}

const HEADING = /^(#{1,4})\s+(.*)$/;
const bullet = /^\s*[-*+]\s+/;
const numbered = /^\s*\d+[.)]\s+/;
const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^\]]+\]\((?:https?:\/\/|mailto:)[^)\s]+\))/g;

export function inline(text: string): ReactNode {
  const parts = text.split(INLINE);
  return parts.map((part, index) => {
    if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
    if (part.startsWith('**')) return <strong key={index}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`')) return <code key={index}>{part.slice(1, -1)}</code>;
    if (part.startsWith('[')) {
      const m = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part)!;
      return (
        <a key={index} href={m[2]} rel="noopener noreferrer nofollow">
          {m[1]}
        </a>
      );
    }
    return <em key={index}>{part.slice(1, -1)}</em>;
  });
}
