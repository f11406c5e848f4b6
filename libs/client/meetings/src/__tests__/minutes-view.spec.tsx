import { renderToStaticMarkup } from 'react-dom/server';
import { MinutesView } from '../components/minutes-view';

describe('MinutesView', () => {
  it('renders headings under the section heading, lists, emphasis and safe links', () => {
    const html = renderToStaticMarkup(
      <MinutesView markdown={'# Decisions\n\n- Next meeting in **Bogor**\n- Send the *report*\n\n1. First\n2. Second\n\nSee [notes](https://example.org/n) and `code`.'} />,
    );
    expect(html).toContain('<h3>Decisions</h3>');
    expect(html).toContain('<ul><li>Next meeting in <strong>Bogor</strong></li><li>Send the <em>report</em></li></ul>');
    expect(html).toContain('<ol><li>First</li><li>Second</li></ol>');
    expect(html).toContain('<a href="https://example.org/n" rel="noopener noreferrer nofollow">notes</a>');
    expect(html).toContain('<code>code</code>');
  });

  it('never turns typed HTML or script links into markup', () => {
    const html = renderToStaticMarkup(<MinutesView markdown={'<img src=x onerror=alert(1)> [x](javascript:alert(1))'} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('href="javascript');
  });
});
