import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/dedup/content-hash.ts';

describe('contentHash', () => {
  // Hashes are stored: these values (from the plain `\s+` normalisation) must never change.
  it.each([
    ['Titel', 'Ein Text mit  zwei\tTabs\n\nund Absätzen.', '5a73fe5c4d1203295bfac790ad3d515e'],
    ['', '', 'e3b0c44298fc1c149afbf4c8996fb924'],
    [' Title ', ' text ', '44c9a26dd9250068dee720973c766e33'],
    ['A\u00a0B', 'C\u2003\u2003D\r\nE', '52cf9f06f83e0a0a90dc25dcf548c184'],
    ['x', ' \n ', '2d711642b726b04401627ca9fbac32f5'],
    ['Mixed', 'a \t b\u000b\u000cc\u2028d\ufeffe', '18a7473e5a6c0fce7e0d00bea0af6819'],
  ])('hashes %j / %j as before', (title, text, hash) => {
    expect(contentHash(title, text)).toBe(hash);
  });

  it('ignores case, composition and how whitespace is written', () => {
    expect(contentHash('Ä', 'Ein  Text')).toBe(contentHash('A\u0308', 'ein\n\ttext '));
    expect(contentHash('Ä', 'Ein Text')).not.toBe(contentHash('Ä', 'EinText'));
  });
});
