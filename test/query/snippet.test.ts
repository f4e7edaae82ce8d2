import { describe, expect, it } from 'vitest';
import type { TextNode } from '../../src/query/ast.ts';
import { makeSnippet, paintSnippet } from '../../src/query/snippet.ts';

const term = (text: string, prefix = false): TextNode => ({ kind: 'term', text, tokens: text.toLowerCase().split(/\s+/), prefix });
const phrase = (text: string): TextNode => ({ kind: 'phrase', text, tokens: text.toLowerCase().split(/\s+/) });
const painted = (source: string, terms: TextNode[], width?: number) => paintSnippet(makeSnippet(source, terms, width), (t) => `[${t}]`);
const filler = (n: number) => Array.from({ length: n }, (_, i) => `wort${i}`).join(' ');

describe('makeSnippet', () => {
  it('highlights surface words, stems in either language, prefixes and phrases', () => {
    expect(painted('Die Mitarbeiters sind da.', [term('Mitarbeiter')])).toBe('Die [Mitarbeiters] sind da.');
    expect(painted('Two employees left.', [term('employee')])).toBe('Two [employees] left.');
    expect(painted('Überwachung und Übernahme', [term('uber', true)])).toBe('[Überwachung] und [Übernahme]');
    expect(painted('the last day, a day last', [phrase('last day')])).toBe('the [last day], a day last');
  });

  it('cuts around a match far into the text and highlights every match inside the passage only', () => {
    const source = `${filler(100)} Telekom ${filler(10)} Telekom ${filler(100)} Telekom`;
    const snippet = makeSnippet(source, [term('Telekom')]);
    expect(snippet.text.startsWith('… ')).toBe(true);
    expect(snippet.text.endsWith(' …')).toBe(true);
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['Telekom', 'Telekom']);
  });

  it('keeps the opening when nothing matches, and a match of several terms in text order', () => {
    expect(makeSnippet(`${filler(60)}`, [term('nirgends')])).toMatchObject({ highlights: [] });
    expect(makeSnippet(`${filler(60)}`, [term('nirgends')]).text.startsWith('wort0 ')).toBe(true);
    expect(painted('Vodafone and Telekom, then Vodafone', [term('Telekom'), term('Vodafone')]))
      .toBe('[Vodafone] and [Telekom], then [Vodafone]');
  });

  it('does not highlight a phrase cut by the end of the passage', () => {
    const snippet = makeSnippet(`alpha ${filler(4)} gamma delta ${filler(10)}`, [term('alpha'), phrase('gamma delta')], 40);
    expect(snippet.text).toBe('alpha wort0 wort1 wort2 wort3 gamma …');
    expect(snippet.highlights).toEqual([[0, 5]]);
  });
});
