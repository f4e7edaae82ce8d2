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

  it('mark any upper-case letter, whatever the kind', () => {
    const upper = (text: string) => tokenize(text).map((t) => [t.text, t.upper]);
    expect(upper('eBay n-tv 1,5-Fach 3-fach Öl über ǅ 𝐀 𝐚 . ')).toEqual([
      ['eBay', true], ['n-tv', false], ['1,5-Fach', true], ['3-fach', false], ['Öl', true], ['über', false], ['ǅ', false], ['𝐀', true], ['𝐚', false], ['.', false],
    ]);
  });

  it('keep UTF-16 offsets', () => {
    const text = '🚀 Merkel’s Plan';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});
