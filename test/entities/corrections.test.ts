import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities, parseEntityCorrections, readEntityCorrections } from '../../src/entities/index.ts';

function corrections(json: unknown) {
  const result = parseEntityCorrections(json);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.corrections;
}

describe('corrections file', () => {
  it('the shipped file is valid and used when no options are given', () => {
    const result = readEntityCorrections(new URL('../../data/entity-corrections.json', import.meta.url));
    expect(result.ok).toBe(true);
    const { entities } = extractEntities({ text: 'Der Account @realDonaldTrump war offline.', language: 'de' });
    expect(entities).toContainEqual({ type: 'account', name: '@realDonaldTrump', owner: 'Donald Trump' });
  });

  it('an added alias links a new form to its entity and wins over the gazetteer', () => {
    const text = 'Der Blaue Vogel meldete Rekordzahlen, Apple nicht.';
    const fixes = corrections({
      entities: [{ name: 'Twitter', type: 'organization', aliases: ['Blaue Vogel'] }],
      links: [{ surface: 'Apple', name: 'Apple Records', type: 'organization' }],
    });
    const names = extractEntities({ text, language: 'de' }, { corrections: fixes }).mentions.map((m) => [m.text, m.name]);
    expect(names).toContainEqual(['Blaue Vogel', 'Twitter']);
    expect(names).toContainEqual(['Apple', 'Apple Records']);
    const without = extractEntities({ text, language: 'de' }).mentions.map((m) => [m.text, m.name]);
    expect(without).toContainEqual(['Apple', 'Apple']);
  });

  it('a lower-case alias, listed or added, starts a name; other lower-case words do not', () => {
    const text = 'Laut dpa und kleinblatt meldete die taz nichts.';
    const fixes = corrections({ entities: [{ name: 'Kleinblatt', type: 'organization', aliases: ['kleinblatt'] }] });
    const names = extractEntities({ text, language: 'de' }, { corrections: fixes }).mentions.map((m) => [m.text, m.name]);
    expect(names).toEqual([['dpa', 'dpa'], ['kleinblatt', 'Kleinblatt'], ['taz', 'taz']]);
    expect(extractEntities({ text, language: 'de' }).mentions.map((m) => m.text)).toEqual(['dpa', 'taz']);
  });

  it('ignore removes a wrong entity; accounts fix an owner', () => {
    const text = 'Sundar Pichai und Google äußerten sich, @gcorp auch.';
    const fixes = corrections({ ignore: ['Google'], accounts: [{ account: '@gcorp', owner: 'Google' }] });
    const result = extractEntities({ text, language: 'de' }, { corrections: fixes });
    expect(result.mentions.map((m) => m.text)).not.toContain('Google');
    expect(result.mentions.map((m) => m.text)).toContain('Sundar Pichai');
    expect(result.entities).toContainEqual({ type: 'account', name: '@gcorp', owner: 'Google' });
  });

  it('reports a broken file as errors, not an exception', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entity-corrections-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ links: [{ surface: 'X' }], extra: true }));
    const result = readEntityCorrections(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/links\.0\.name/u);
    writeFileSync(bad, '{ not json');
    expect(readEntityCorrections(bad).ok).toBe(false);
    expect(readEntityCorrections(join(dir, 'missing.json')).ok).toBe(false);
  });
});
