import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse-query.ts';
import { planQuery } from '../../src/query/plan.ts';

const ok = (text: string) => {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(result.error);
  return result.query;
};
const error = (text: string) => {
  const result = parseQuery(text);
  if (result.ok) throw new Error(`parsed: ${JSON.stringify(result.query)}`);
  return result.error;
};

describe('parseQuery: valid queries', () => {
  it('reads words and phrases', () => {
    expect(ok('Mitarbeiter')).toEqual({ kind: 'term', text: 'Mitarbeiter', tokens: ['mitarbeiter'], prefix: false });
    expect(ok('"Donald Trump"')).toEqual({ kind: 'phrase', text: 'Donald Trump', tokens: ['donald', 'trump'] });
  });

  it('joins juxtaposed terms with AND and keeps hyphenated words whole', () => {
    expect(ok('covid-19 impfung')).toEqual({
      kind: 'and',
      children: [
        { kind: 'term', text: 'covid-19', tokens: ['covid', '19'], prefix: false },
        { kind: 'term', text: 'impfung', tokens: ['impfung'], prefix: false },
      ],
    });
  });

  it('gives AND precedence over OR, and parentheses over both', () => {
    expect(ok('a OR b c')).toMatchObject({ kind: 'or', children: [{ text: 'a' }, { kind: 'and', children: [{ text: 'b' }, { text: 'c' }] }] });
    expect(ok('(a OR b) AND c')).toMatchObject({ kind: 'and', children: [{ kind: 'or' }, { text: 'c' }] });
  });

  it('reads NOT, -word, -"phrase" and -field', () => {
    expect(ok('trump -twitter')).toMatchObject({ kind: 'and', children: [{ text: 'trump' }, { kind: 'not', child: { text: 'twitter' } }] });
    expect(ok('NOT "last day"')).toMatchObject({ kind: 'not', child: { kind: 'phrase' } });
    expect(ok('-lang:de')).toEqual({ kind: 'not', child: { kind: 'field', field: 'lang', value: 'de' } });
  });

  it('reads every field, quoted or not, and normalises values', () => {
    expect(ok('entity:"Donald Trump"')).toEqual({ kind: 'field', field: 'entity', value: 'Donald Trump' });
    expect(ok('type:Person')).toEqual({ kind: 'field', field: 'type', value: 'person' });
    expect(ok('source:heise')).toEqual({ kind: 'field', field: 'source', value: 'heise' });
    expect(ok('LANG:EN')).toEqual({ kind: 'field', field: 'lang', value: 'en' });
    expect(ok('since:2017-11-01 until:2017-11-30T12:00Z')).toMatchObject({ kind: 'and' });
    expect(ok('since:7d')).toEqual({ kind: 'field', field: 'since', value: '7d' });
    expect(ok('story:42')).toEqual({ kind: 'field', field: 'story', value: '42' });
    expect(ok('account:@realDonaldTrump')).toEqual({ kind: 'field', field: 'account', value: 'realDonaldTrump' });
  });

  it('reads a trailing * as a prefix search', () => {
    expect(ok('twit*')).toEqual({ kind: 'term', text: 'twit*', tokens: ['twit'], prefix: true });
  });
});

describe('parseQuery: malformed queries say where', () => {
  it.each([
    ['', 'empty query'],
    ['   ', 'empty query'],
    ['"Donald Trump', 'unclosed quote at column 1'],
    ['trump (twitter', "missing ')' for '(' at column 7"],
    ['trump)', "unmatched ')' at column 6"],
    ['trump OR', 'query ends too early at column 9: a term is missing'],
    ['OR trump', 'OR at column 1 needs a term on both sides'],
    ['trump AND OR x', 'OR at column 11 needs a term on both sides'],
    ['()', 'empty parentheses at column 1'],
    ['foo:bar', 'unknown field "foo:" at column 1'],
    ['lang:fr', 'lang: expects de or en at column 1'],
    ['x type:city', 'type: expects one of person, organization, account, location, product at column 3'],
    ['since:yesterday', 'since: expects a date like 2017-11-01 or a duration like 7d at column 1'],
    ['until:2017-02-30', 'until: expects a date'],
    ['story:abc', 'story: expects a story id (a number) at column 1'],
    ['entity:', 'entity: needs a value at column 1'],
    ['entity:"Trump', 'unclosed quote at column 8'],
    ['a --', 'nothing to search for in "-" at column 4'],
    ['""', 'empty phrase at column 1'],
  ])('%j', (text, expected) => {
    const message = error(text);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });
});

describe('planQuery', () => {
  it('ranks by the top-level text and keeps fields as conditions', () => {
    const plan = planQuery(ok('trump -twitter lang:de'));
    expect(plan.match).toMatchObject({ kind: 'and', positive: [{ text: 'trump' }], negative: [{ text: 'twitter' }] });
    expect(plan.conditions).toEqual([{ kind: 'field', field: 'lang', value: 'de' }]);
  });

  it('has no ranked match when the text is only negative or mixed with fields under OR', () => {
    expect(planQuery(ok('-twitter')).match).toBeNull();
    expect(planQuery(ok('source:verge OR senate')).match).toBeNull();
  });
});
