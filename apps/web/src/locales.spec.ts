import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '@anyam/shared/domain';

/**
 * Every interface string exists in every language: each namespace's id/es/pt file has exactly the keys of
 * its en file, none empty, and the same {{placeholders}}. Namespaces are found on disk, so a new client
 * library's locales are checked without touching this test.
 */
const root = join(__dirname, '..', '..', '..');

function namespaceDirs(): string[] {
  const dirs = [join(root, 'apps', 'web', 'src', 'locales')];
  const libs = join(root, 'libs', 'client');
  for (const lib of readdirSync(libs)) {
    const dir = join(libs, lib, 'src', 'locales');
    if (existsSync(dir)) dirs.push(dir);
  }
  return dirs;
}

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

const dirs = namespaceDirs();

describe('interface translations', () => {
  it('finds the namespaces of the web shell and the client libraries', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(dirs.map((dir) => [dir.slice(root.length + 1), dir]))('%s', (_name, dir) => {
    const read = (locale: string) => flatten(JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Tree);
    const english = read('en');

    it('has a file for every interface language and no others', () => {
      const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
      expect(files.sort()).toEqual([...LOCALES].sort());
    });

    it('has no empty English strings', () => {
      expect([...english].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    });

    it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys, none empty, same placeholders', (locale) => {
      const other = read(locale);
      const missing = [...english.keys()].filter((k) => !other.has(k));
      const extra = [...other.keys()].filter((k) => !english.has(k));
      const empty = [...other].filter(([, v]) => v.trim() === '').map(([k]) => k);
      const wrongPlaceholders = [...english]
        .filter(([k, v]) => other.has(k) && placeholders(v).join() !== placeholders(other.get(k)!).join())
        .map(([k]) => k);
      expect({ missing, extra, empty, wrongPlaceholders }).toEqual({
        missing: [],
        extra: [],
        empty: [],
        wrongPlaceholders: [],
      });
    });
  });
});
