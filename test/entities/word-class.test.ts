import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/entities/gazetteer.ts';
import { tokenize } from '../../src/entities/tokens.ts';
import { genitiveBase, isCommonNoun, isNameWord, isRoleWord, isStopword } from '../../src/entities/word-class.ts';

describe('genitiveBase', () => {
  it('drops a final "s" after any other character, as /[^s]s$/u would', () => {
    for (const word of ['Müllers', 'Trumps', 'Jones', '𝐀s', 'Gauss', 's', 'ss', 'Merkel', 'S', 'as', 'Ös', '']) {
      expect(genitiveBase(word)).toBe(/[^s]s$/u.test(word) ? word.slice(0, -1) : undefined);
    }
    expect(genitiveBase('Müllers')).toBe('Müller');
    expect(genitiveBase('Gauss')).toBeUndefined();
  });
});

describe('word facts kept per word', () => {
  it('answer each question for itself, whatever was asked first', () => {
    const g = loadGazetteer();
    const [praesident, der, mueller] = tokenize('Präsident Der Duysak');
    expect(isRoleWord(g, 'Präsident')).toBe(true);
    expect(isNameWord(g, praesident)).toBe(false);
    expect(isNameWord(g, der)).toBe(false);
    expect(isStopword(g, 'Der')).toBe(true);
    expect(isNameWord(g, mueller)).toBe(true);
    expect(isStopword(g, 'Duysak')).toBe(false);
    expect(isCommonNoun(g, 'Duysak')).toBe(false);
    expect(isCommonNoun(g, 'Regierung')).toBe(true);
  });
});
