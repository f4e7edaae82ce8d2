import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/language/index.ts';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'language', 'headlines.tsv');
const headlines = readFileSync(fixture, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string]);

describe('detectLanguage on headlines alone (title only, nothing declared)', () => {
  it('has both languages in the fixture', () => {
    expect(headlines.filter(([lang]) => lang === 'de').length).toBeGreaterThanOrEqual(15);
    expect(headlines.filter(([lang]) => lang === 'en').length).toBeGreaterThanOrEqual(15);
  });

  it.each(headlines)('%s: %s', (expected, title) => {
    expect(detectLanguage({ title }).language).toBe(expected);
  });
});

describe('short text that franc alone gets wrong', () => {
  it('reads "Microsoft Teams bekommt KI-Update" as German, with title evidence', () => {
    const result = detectLanguage({ title: 'Microsoft Teams bekommt KI-Update' });
    expect(result.language).toBe('de');
    expect(result.evidence).toEqual([expect.objectContaining({ source: 'title', language: 'de' })]);
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it.each([
    ['de', 'kostenlose Wärmepumpe'],
    ['de', 'nicht möglich'],
    ['en', 'political party'],
    ['en', 'the update'],
    ['de', 'Rechnungen'],
    ['en', 'establishment'],
  ])('%s: %s', (expected, title) => {
    expect(detectLanguage({ title }).language).toBe(expected);
  });
});

describe('brand and code names', () => {
  it('does not count words with an inner capital as language evidence', () => {
    expect(detectLanguage({ title: 'iPhone' })).toEqual({ language: 'und', confidence: 0, evidence: [] });
    expect(detectLanguage({ title: 'iPhone', declared: { feed: 'de' } }).language).toBe('de');
  });

  it('reads a German sentence full of CamelCase identifiers as German', () => {
    const text = 'HttpClientFactory, JsonSerializerOptions und WebHostBuilder sind jetzt in der neuen Version enthalten.';
    expect(detectLanguage({ text }).language).toBe('de');
  });
});
