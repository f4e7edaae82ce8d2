import { describe, expect, it } from 'vitest';
import { genitiveBase } from '../../src/entities/word-class.ts';

describe('genitiveBase', () => {
  it('drops a final "s" after any other character, as /[^s]s$/u would', () => {
    for (const word of ['Müllers', 'Trumps', 'Jones', '𝐀s', 'Gauss', 's', 'ss', 'Merkel', 'S', 'as', 'Ös', '']) {
      expect(genitiveBase(word)).toBe(/[^s]s$/u.test(word) ? word.slice(0, -1) : undefined);
    }
    expect(genitiveBase('Müllers')).toBe('Müller');
    expect(genitiveBase('Gauss')).toBeUndefined();
  });
});
