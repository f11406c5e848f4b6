import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** WCAG 2.2 contrast of the colour pairs the components use, in light and dark mode, read from tokens.css. */
const css = readFileSync(join(__dirname, '..', 'tokens.css'), 'utf8');

function tokens(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/--an-([\w-]+):\s*(#[0-9a-f]{6})/gi)) out[m[1]] = m[2];
  return out;
}

const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
const light = tokens(css.slice(0, darkStart));
const dark = { ...light, ...tokens(css.slice(darkStart)) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background]
const TEXT: Array<[string, string]> = [
  ['text', 'bg'], ['text', 'surface'], ['text', 'surface-2'], ['text', 'danger-bg'], ['text', 'success-bg'],
  ['text-muted', 'bg'], ['text-muted', 'surface'],
  ['link', 'bg'], ['link', 'surface'], ['primary', 'surface'], ['primary', 'surface-2'], ['primary', 'bg'],
  ['on-primary', 'primary'], ['on-primary', 'primary-hover'],
  ['danger', 'bg'], ['danger', 'surface'], ['danger', 'danger-bg'], ['on-danger', 'danger'],
  ['success', 'bg'], ['success', 'surface'], ['success', 'success-bg'],
  ['bg', 'text'],
];
// Borders of inputs, focus rings and the invalid border: 3:1 against what they sit on.
const NON_TEXT: Array<[string, string]> = [
  ['border', 'bg'], ['border', 'surface'], ['focus', 'bg'], ['focus', 'surface'], ['danger', 'surface'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s mode', (_mode, palette) => {
  it.each(TEXT)('text %s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrast(palette[fg], palette[bg])).toBeGreaterThanOrEqual(4.5);
  });
  it.each(NON_TEXT)('%s against %s is at least 3:1', (fg, bg) => {
    expect(contrast(palette[fg], palette[bg])).toBeGreaterThanOrEqual(3);
  });
});
