import { describe, expect, it } from 'vitest';
import { articleFeatures, isGramFeature, isNeutralFeature } from '../../src/cluster/features.ts';
import { cosineWithoutGrams } from '../../src/cluster/packed-products.ts';
import { composeParts, cosine } from '../../src/cluster/vector.ts';

const features = (title: string, text: string, language: 'de' | 'en') =>
  articleFeatures({ title, text, language, entities: [] });

describe('German character grams', () => {
  it('let a compound meet its parts, which stems do not', () => {
    const compound = features('', 'Das Flüchtlingsabkommen wackelt', 'de');
    const parts = features('', 'Die Flüchtlinge warten', 'de');
    const shared = (key: string) => key in parts;
    expect(Object.keys(compound).filter((k) => k.startsWith('w:') && shared(k))).toEqual([]);
    expect(Object.keys(compound).filter((k) => isGramFeature(k) && shared(k))).toContain('g:fluc');
  });

  it('are German only and never language-neutral', () => {
    expect(Object.keys(features('', 'Refugee agreement', 'en')).some(isGramFeature)).toBe(false);
    expect(isNeutralFeature('g:fluc')).toBe(false);
  });

  it('weigh as their own part of the vector and stay out of the cross-language cosine', () => {
    const isGram = (k: string) => k.startsWith('g:');
    const de = composeParts({ 'n:trump': 1, 'w:de:konto': 1, 'g:kont': 1, 'g:onto': 1 }, 200, isGram, 2);
    const en = composeParts({ 'n:trump': 1, 'w:en:account': 1 }, 200, isGram, 2);
    // without the grams the German vector is what it was: the cross cosine is the word-level one
    expect(cosineWithoutGrams(de, en)).toBeCloseTo(0.5);
    expect(cosine(de, en)).toBeLessThan(0.5);
    // within German the cosine is 0.2 × words + 0.8 × grams
    const de2 = composeParts({ 'w:de:konto': 1, 'g:kont': 1 }, 200, isGram, 2);
    const words = 1 / Math.sqrt(2);
    const grams = 1 / Math.sqrt(2);
    expect(cosine(de, de2)).toBeCloseTo(0.2 * words + 0.8 * grams);
  });
});
