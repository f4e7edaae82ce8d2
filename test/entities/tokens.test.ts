import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/entities/tokens.ts';

const shapes = (text: string) => tokenize(text).map((t) => [t.text, t.kind, t.cap, t.allCaps]);

describe('entity tokens', () => {
  it('tell kinds apart and split a possessive and a link\'s trailing punctuation', () => {
    expect(shapes("Trump's e.V. U.S. @a@b.example https://x.com/foo). 1,5-fach")).toEqual([
      ['Trump', 'word', true, false], ["'s", 'punct', false, false], ['e.V.', 'abbrev', false, false], ['U.S.', 'abbrev', true, true],
      ['@a@b.example', 'handle', false, false], ['https://x.com/foo', 'url', false, false], [')', 'punct', false, false],
      ['.', 'punct', false, false], ['1,5-fach', 'number', false, false],
    ]);
  });

  it('read capitals the Unicode way, not only in ASCII', () => {
    expect(shapes('CDU-Chef n-tv eBay ÉCOLE Éric ǅemal a\u0301B 𝐀𝐁')).toEqual([
      ['CDU-Chef', 'word', true, false], ['n-tv', 'word', false, false], ['eBay', 'word', false, false],
      ['ÉCOLE', 'word', true, true], ['Éric', 'word', true, false], ['ǅemal', 'word', false, false],
      ['a\u0301B', 'word', false, false], ['𝐀𝐁', 'word', true, true],
    ]);
  });

  it('keep UTF-16 offsets', () => {
    const text = '🚀 Merkel’s Plan';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});
