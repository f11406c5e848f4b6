import { MENTIONS_MAX, parseMentions } from '../mentions';

describe('parseMentions', () => {
  it('finds @handles, lower-cased and once each, in order', () => {
    expect(parseMentions('Thanks @Sari_W and @budi! (cc @sari_w)')).toEqual(['sari_w', 'budi']);
    expect(parseMentions('@lucia: see above')).toEqual(['lucia']);
  });
  it('ignores e-mail addresses, code and too-short or glued names', () => {
    expect(parseMentions('write to info@example.org')).toEqual([]);
    expect(parseMentions('run `npm @scope` or\n```\n@inside\n```\nthen @after')).toEqual(['after']);
    expect(parseMentions('@a is too short, x@@y too')).toEqual([]);
  });
  it('stops at the maximum', () => {
    const body = Array.from({ length: 15 }, (_, i) => `@member${i}`).join(' ');
    expect(parseMentions(body)).toHaveLength(MENTIONS_MAX);
  });
});
