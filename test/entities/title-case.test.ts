/**
 * English headlines in Title Case capitalise every word, so a capital is no evidence of a name there: common
 * words must not join names ("BOE Play", "NHTSA Submits"), while people, acronyms and their long forms stay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.ts';

const cases = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'entities', 'title-case-headlines.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [headline = '', expected = ''] = line.split('\t');
    return [headline, expected.split('; ').filter((entry) => entry !== '')] as const;
  });

const entitiesOf = (title: string, language: 'en' | 'de' = 'en') =>
  extractEntities({ title, text: title, language }).entities.map((e) => `${e.name}|${e.type}`).sort();

describe('entities of English headlines in Title Case', () => {
  it('has the cases', () => {
    expect(cases.length).toBe(9);
  });

  it.each(cases)('%s', (headline, expected) => {
    // as a headline-only item is imported: text = title
    expect(entitiesOf(headline)).toEqual([...expected].sort());
  });

  it('keeps people whose surname is a common word, and sentence-case headlines as they were', () => {
    expect(entitiesOf('Gordon Brown Warns Of Scottish Independence Risks')).toContain('Gordon Brown|person');
    expect(entitiesOf('Tim Cook Says Apple Will Unveil New Products This Year')).toEqual(['Apple|organization', 'Tim Cook|person']);
    expect(entitiesOf('Mt. Gox files for US bankruptcy to halt class action')).toEqual(['USA|location']);
  });
});
