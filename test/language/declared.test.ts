import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseDeclared } from '../../src/language/declared.ts';
import { detectLanguage } from '../../src/language/index.ts';

const GERMAN_ARTICLE =
  'Die Bundesregierung will das Gesetz noch vor der Sommerpause beschließen. Nach Angaben des ' +
  'Ministeriums sollen Unternehmen künftig schneller über Sicherheitslücken informieren müssen, ' +
  'wenn Kundendaten betroffen sind. Verbände kritisieren den Entwurf als zu unkonkret.';
const ENGLISH_ARTICLE =
  'The government wants the bill passed before the summer recess. According to the ministry, ' +
  'companies will have to report security flaws much faster when customer data is affected. ' +
  'Industry groups criticised the draft as too vague.';
const FRENCH_ARTICLE =
  'Le gouvernement veut faire adopter le projet de loi avant la pause estivale. Selon le ministère, ' +
  'les entreprises devront signaler beaucoup plus rapidement les failles de sécurité lorsque les ' +
  'données des clients sont concernées.';

describe('normaliseDeclared', () => {
  it.each([
    ['de', 'de'], ['de-DE', 'de'], ['de_AT', 'de'], ['DE-ch', 'de'], ['deu', 'de'], ['ger', 'de'],
    ['German', 'de'], ['en', 'en'], ['en-US', 'en'], ['en_GB', 'en'], ['eng', 'en'], ['English', 'en'],
    ['en-US, de-DE', 'en'], ['fr-FR', 'other'], ['fra', 'other'], ['pl', 'other'],
  ])('%s → %s', (tag, expected) => {
    expect(normaliseDeclared(tag)).toBe(expected);
  });

  it.each([[''], ['  '], ['und'], ['mul'], ['zxx'], ['*'], ['12'], [null], [undefined]])('%s says nothing', (tag) => {
    expect(normaliseDeclared(tag)).toBeUndefined();
  });
});

describe('declared languages combined with the text', () => {
  it('clear German text beats a page and feed that declare English', () => {
    const result = detectLanguage({ text: GERMAN_ARTICLE, declared: { page: 'en-US', feed: 'en' } });
    expect(result.language).toBe('de');
    expect(result.evidence.map((e) => [e.source, e.language])).toEqual([
      ['text', 'de'], ['page', 'en'], ['feed', 'en'],
    ]);
  });

  it('clear English text beats a German feed declaration', () => {
    expect(detectLanguage({ text: ENGLISH_ARTICLE, declared: { feed: 'de-DE' } }).language).toBe('en');
  });

  it('a declaration decides a title that could be either language', () => {
    expect(detectLanguage({ title: 'Update', declared: { feed: 'de' } }).language).toBe('de');
    expect(detectLanguage({ title: 'Update', declared: { feed: 'en' } }).language).toBe('en');
    expect(detectLanguage({ title: 'iPhone 16 Pro Max', declared: { hint: 'de' } }).language).toBe('de');
    expect(detectLanguage({ title: 'Apple Watch' }).language).toBe('en');
    expect(detectLanguage({ title: 'Apple Watch', declared: { page: 'de', feed: 'de' } }).language).toBe('de');
  });

  it('the caller hint outweighs the feed when they disagree and the text is silent', () => {
    const result = detectLanguage({ title: 'iPhone 16 Pro Max', declared: { hint: 'en', feed: 'de' } });
    expect(result.language).toBe('en');
  });

  it('raises confidence when text and declarations agree', () => {
    const alone = detectLanguage({ title: 'Software-Update für Windows' });
    const agreed = detectLanguage({ title: 'Software-Update für Windows', declared: { page: 'de', feed: 'de' } });
    expect(alone.language).toBe('de');
    expect(agreed.language).toBe('de');
    expect(agreed.confidence).toBeGreaterThan(alone.confidence);
  });

  it('uses the declaration alone when there is no text', () => {
    const result = detectLanguage({ declared: { page: 'de-DE' } });
    expect(result.language).toBe('de');
    expect(result.evidence).toEqual([{ source: 'page', language: 'de', weight: expect.any(Number) }]);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThan(1);
  });
});

describe('und', () => {
  it('answers und with no confidence for empty input', () => {
    expect(detectLanguage({})).toEqual({ language: 'und', confidence: 0, evidence: [] });
    expect(detectLanguage({ title: '  ', text: '— 2024 —', declared: { feed: '' } })).toEqual({
      language: 'und', confidence: 0, evidence: [],
    });
  });

  it('answers und for French text, even in a feed declared German', () => {
    expect(detectLanguage({ text: FRENCH_ARTICLE }).language).toBe('und');
    const declared = detectLanguage({ text: FRENCH_ARTICLE, declared: { feed: 'de' } });
    expect(declared.language).toBe('und');
    expect(declared.evidence).toContainEqual(expect.objectContaining({ source: 'text', language: 'und' }));
  });

  it.each([
    ['Dutch', 'Het kabinet wil de nieuwe wet nog voor de zomer door de Tweede Kamer loodsen, zo meldt de minister na overleg met de coalitiepartijen.'],
    ['Spanish', 'El gobierno quiere aprobar la nueva ley antes del verano, según informó el ministro del Interior tras reunirse con los partidos de la coalición.'],
    ['Italian', 'Il governo vuole approvare la nuova legge prima dell’estate, secondo quanto riferito dal ministro dopo un incontro con i partiti della coalizione.'],
    ['Polish', 'Rząd chce uchwalić nową ustawę jeszcze przed latem, poinformował minister spraw wewnętrznych po spotkaniu z partiami koalicji.'],
  ])('answers und for %s text', (_name, text) => {
    expect(detectLanguage({ text }).language).toBe('und');
  });

  it('keeps German and English tech text full of product names', () => {
    const german = 'Das Release von iOS 18.2 bringt Apple Intelligence, Genmoji, Image Playground und ChatGPT-Integration auf das iPhone 15 Pro. Wir haben die Beta getestet.';
    const english = 'The iOS 18.2 release brings Apple Intelligence, Genmoji, Image Playground and ChatGPT integration to the iPhone 15 Pro. We tested the beta.';
    expect(detectLanguage({ text: german }).language).toBe('de');
    expect(detectLanguage({ text: english }).language).toBe('en');
  });

  // real headlines (test/fixtures/language/SOURCE.md): franc on 60–80 characters of names guesses
  const namesHeadlines = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'language', 'uci-headlines.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));

  it.each(namesHeadlines)('lets the caller’s hint decide a short headline franc reads as a third language: %s', (title) => {
    // as `newsdesk import` analyses a headline-only item declared English (text = title)
    expect(detectLanguage({ title, text: title }).language).toBe('und');
    const hinted = detectLanguage({ title, text: title, declared: { hint: 'en' } });
    expect(hinted.language).toBe('en');
    expect(hinted.evidence.filter((e) => e.language === 'und')).toEqual([]);
  });

  it('keeps a third language under a feed’s or page’s declaration, and long text under a hint', () => {
    const title = namesHeadlines[0]!;
    expect(detectLanguage({ title, text: title, declared: { feed: 'en', page: 'en' } }).language).toBe('und');
    expect(detectLanguage({ text: FRENCH_ARTICLE, declared: { hint: 'en' } }).language).toBe('und');
  });

  it('answers und when only another language is declared', () => {
    expect(detectLanguage({ declared: { page: 'fr-FR' } }).language).toBe('und');
  });

  it('does not call long German or English text foreign', () => {
    expect(detectLanguage({ text: GERMAN_ARTICLE }).language).toBe('de');
    expect(detectLanguage({ text: ENGLISH_ARTICLE }).language).toBe('en');
  });
});

describe('evidence', () => {
  it('lists title, text and each declaration with the language it points to', () => {
    const result = detectLanguage({
      title: 'Sicherheitslücke in Chrome',
      text: GERMAN_ARTICLE,
      declared: { hint: 'de', page: 'de-DE', feed: 'en' },
    });
    expect(result.evidence.map((e) => e.source)).toEqual(['title', 'text', 'hint', 'page', 'feed']);
    expect(result.evidence.find((e) => e.source === 'feed')?.language).toBe('en');
    for (const entry of result.evidence) expect(entry.weight).toBeGreaterThan(0);
    expect(result.confidence).toBeGreaterThan(0.9);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('weighs a long text more than its title', () => {
    const result = detectLanguage({ title: 'Update', text: GERMAN_ARTICLE });
    const [title, text] = result.evidence;
    expect(text?.weight).toBeGreaterThan(title?.weight ?? Infinity);
  });
});
