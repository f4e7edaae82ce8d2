/**
 * A name alone links to the article's full name: by its last word ("Merkel" → Angela Merkel), and, when one
 * full name of the article starts with it, by its first ("Kim" → Kim Jong-un, "Lindsay" → Lindsay Lohan).
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.ts';

const links = (text: string, language: 'de' | 'en') =>
  extractEntities({ text, language }).mentions.filter((m) => m.type === 'person').map((m) => `${m.text} → ${m.name}`);

describe('a name alone links to the full name of the article', () => {
  it('by the first word of the one full name that starts with it', () => {
    expect(links('Kim Jong-un met Donald Trump in Hanoi. Kim said the talks went well.', 'en')).toEqual([
      'Kim Jong-un → Kim Jong-un', 'Donald Trump → Donald Trump', 'Kim → Kim Jong-un',
    ]);
    expect(links('Lindsay Lohan wants integrity. Lindsay told reporters she is fine.', 'en')).toContain('Lindsay → Lindsay Lohan');
  });

  it('not when two full names start with it', () => {
    expect(links('Kim Jong-un and his sister Kim Yo-jong arrived. Kim said nothing.', 'en')).toContain('Kim → Kim');
  });

  it('by the last word as before', () => {
    expect(links('Angela Merkel traf Emmanuel Macron. Merkel sagte, Macron habe recht.', 'de')).toEqual([
      'Angela Merkel → Angela Merkel', 'Emmanuel Macron → Emmanuel Macron', 'Merkel → Angela Merkel', 'Macron → Emmanuel Macron',
    ]);
  });
});
