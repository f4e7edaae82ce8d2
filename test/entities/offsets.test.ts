import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.ts';

describe('mention offsets', () => {
  it('are UTF-16 code units, end exclusive, also after astral characters', () => {
    const text = '🚀🚀 Großer Tag für Angela Merkel und „Siemens“ – 👍 @realDonaldTrump';
    const { mentions } = extractEntities({ text, language: 'de' });
    expect(mentions.length).toBeGreaterThanOrEqual(3);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const merkel = mentions.find((m) => m.name === 'Angela Merkel');
    expect(merkel).toMatchObject({ start: text.indexOf('Angela'), end: text.indexOf(' und'), field: 'text' });
  });

  it('title and text are separate fields with their own offsets', () => {
    const result = extractEntities({ title: 'Merkel in Berlin', text: 'Angela Merkel sprach.', language: 'de' });
    expect(result.mentions[0]).toEqual({ type: 'person', field: 'title', start: 0, end: 6, text: 'Merkel', name: 'Angela Merkel' });
    expect(result.mentions).toContainEqual({ type: 'person', field: 'text', start: 0, end: 13, text: 'Angela Merkel', name: 'Angela Merkel' });
  });

  it('returns nothing for empty input and keeps entities unique', () => {
    expect(extractEntities({ language: 'und' })).toEqual({ mentions: [], entities: [] });
    const { entities } = extractEntities({ text: 'Trump, Trumps Team und Donald Trump.', language: 'de' });
    expect(entities.filter((e) => e.name === 'Donald Trump')).toHaveLength(1);
  });
});
