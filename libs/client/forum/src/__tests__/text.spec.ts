import { htmlToText, plainHtml, quoteMarkdown, snippetParts } from '../text';

describe('snippetParts', () => {
  it('keeps the marked words and nothing else of the markup', () => {
    expect(snippetParts('… strategi <mark>pendanaan</mark> &amp; <b>dana</b> <mark>hibah</mark>')).toEqual([
      { text: '… strategi ', mark: false },
      { text: 'pendanaan', mark: true },
      { text: ' & dana ', mark: false },
      { text: 'hibah', mark: true },
    ]);
  });

  it('drops Markdown emphasis markers around and inside the match', () => {
    expect(snippetParts('untuk **diversifikasi <mark>pendanaan</mark>** agar')).toEqual([
      { text: 'untuk diversifikasi ', mark: false },
      { text: 'pendanaan', mark: true },
      { text: ' agar', mark: false },
    ]);
  });

  it('turns injected markup into inert text parts', () => {
    const parts = snippetParts('<img src=x onerror=alert(1)>&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(parts).toEqual([{ text: '<script>alert(1)</script>', mark: false }]);
  });
});

describe('quoting', () => {
  it('quotes each line and drops nested quotes', () => {
    expect(quoteMarkdown('**Sari** wrote:', '> older\nHow do we start?\n\nThanks')).toBe(
      '> **Sari** wrote:\n> How do we start?\n>\n> Thanks\n\n',
    );
  });

  it('reads the text of post HTML', () => {
    expect(htmlToText('<p>One &amp; two</p><p>Three<br>four</p>')).toBe('One & two\n\nThree\nfour');
  });

  it('escapes the optimistic copy', () => {
    expect(plainHtml('<b>hi</b>\n\nnext')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p><p>next</p>');
  });
});
