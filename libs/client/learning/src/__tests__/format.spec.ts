import { formatBytes, move, neighbours, slugify, themeColour } from '../format';

describe('learning format helpers', () => {
  it('gives each top theme its colour, and sub-themes their parent’s', () => {
    expect(themeColour({ key: 'wellness-safety', parentKey: null })).toBe('leaf');
    expect(themeColour({ key: 'funding', parentKey: 'institutional-resilience' })).toBe('indigo');
    expect(themeColour({ key: 'advocacy', parentKey: 'strategic-relevance' })).toBe('madder');
  });

  it('writes sizes in the reader’s number format', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(2_400_000, 'en')).toBe('2.4 MB');
    expect(formatBytes(2_400_000, 'id')).toBe('2,4 MB');
  });

  it('makes slugs from titles in any of the four languages', () => {
    expect(slugify('Diversifikasi Pendanaan untuk OMS')).toBe('diversifikasi-pendanaan-untuk-oms');
    expect(slugify('  Gestión financiera: ¡básico!  ')).toBe('gestion-financiera-basico');
    expect(slugify('x'.repeat(100))).toHaveLength(80);
  });

  it('moves a lesson up or down and never out of the list', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('finds the previous and next lesson', () => {
    expect(neighbours(['l1', 'l2', 'l3'], 'l2')).toEqual({ previous: 'l1', next: 'l3' });
    expect(neighbours(['l1', 'l2', 'l3'], 'l1')).toEqual({ previous: null, next: 'l2' });
    expect(neighbours(['l1'], 'zz')).toEqual({ previous: null, next: null });
  });
});
