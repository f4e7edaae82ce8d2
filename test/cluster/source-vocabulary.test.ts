/**
 * The outlet's own vocabulary (src/cluster/source-vocabulary.ts): words an outlet carries in every article lose
 * nearly all their weight, while one earlier article of the outlet is too little evidence to halve the words of
 * its follow-up on the same incident.
 */
import { describe, expect, it } from 'vitest';
import { createSourceVocabulary } from '../../src/cluster/source-vocabulary.ts';

const terms = (...keys: string[]) => new Map(keys.map((k) => [k, 1]));

describe('outlet vocabulary discount', () => {
  it('leaves an outlet follow-up two thirds of the words it shares with the one earlier report', () => {
    const vocabulary = createSourceVocabulary(undefined);
    vocabulary.observe('radio.example', terms('w:de:kulmbach', 'w:de:stadtrat', 'n:afd'));
    const entries: Array<[string, number]> = [['w:de:kulmbach', 1], ['w:de:kreistag', 1]];
    vocabulary.discountEntries('radio.example', entries);
    expect(entries[0]?.[1]).toBeCloseTo(2 / 3, 10);
    expect(entries[1]?.[1]).toBe(1);
  });

  it('takes nearly all the weight of a header the outlet puts on every article', () => {
    const vocabulary = createSourceVocabulary(undefined);
    for (let i = 0; i < 20; i++) vocabulary.observe('presseportal.example', terms('n:pol-aa', `w:de:topic${i}`));
    const discounted = vocabulary.discount('presseportal.example', { 'n:pol-aa': 1, 'w:de:topic3': 1, 'w:de:unfall': 1 });
    expect(discounted['n:pol-aa']).toBeCloseTo(1 / 11, 10);
    expect(discounted['w:de:topic3']).toBeCloseTo(1 - 1 / 22, 10);
    expect(discounted['w:de:unfall']).toBe(1);
  });

  it('discounts nothing for an outlet it has not seen, or without an outlet', () => {
    const vocabulary = createSourceVocabulary(undefined);
    vocabulary.observe('a.example', terms('n:x'));
    expect(vocabulary.discount('b.example', { 'n:x': 1 })).toEqual({ 'n:x': 1 });
    expect(vocabulary.discount('', { 'n:x': 1 })).toEqual({ 'n:x': 1 });
  });
});
