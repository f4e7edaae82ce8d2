/**
 * People as facts of one incident (src/cluster/people.ts): two reports of one topic that each name two or more
 * people, none of them alike, are different stories; one shared name (or word of a name) lets them meet.
 */
import { describe, expect, it } from 'vitest';
import { createClusterer } from '../../src/cluster/index.ts';
import { joinPeople, peopleConflict, peopleOf } from '../../src/cluster/people.ts';
import type { EntityRef } from '../../src/domain/types.ts';
import { article } from './scenario.ts';

const person = (name: string): EntityRef => ({ name, type: 'person' });

describe('people of a text', () => {
  it('are the words of the person names, without accents', () => {
    expect(peopleOf([person('Pedro Sánchez'), { name: 'Detroit Lions', type: 'organization' }, person('Eli Harold')])).toEqual({
      count: 2,
      words: ['eli', 'harold', 'pedro', 'sanchez'],
    });
  });

  it('conflict only when both name two people and share no word of their names', () => {
    const sokol = peopleOf([person('Matt Sokol'), person('Russell Bodine')]);
    const stafford = peopleOf([person('Matthew Stafford'), person('Eli Harold')]);
    expect(peopleConflict(sokol, stafford)).toBe(true);
    expect(peopleConflict(sokol, peopleOf([person('Matthew Stafford'), person('Matt Sokol')]))).toBe(false);
    expect(peopleConflict(sokol, peopleOf([person('Zach Efron'), person('Sokol')]))).toBe(false);
    expect(peopleConflict(sokol, peopleOf([person('Matthew Stafford')]))).toBe(false);
    expect(peopleConflict(sokol, undefined)).toBe(false);
  });

  it('of a story are those of its articles, until there are too many to keep', () => {
    const joined = joinPeople(peopleOf([person('Matt Sokol')]), peopleOf([person('Eli Harold')]));
    expect(joined).toEqual({ count: 2, words: ['eli', 'harold', 'matt', 'sokol'] });
    const many = peopleOf(Array.from({ length: 40 }, (_, i) => person(`Given${i} Surname${i}`)));
    expect(joinPeople(joined, many)).toBeUndefined();
    expect(joinPeople(undefined, joined)).toBeUndefined();
  });
});

describe('clustering with people', () => {
  const report = (names: string[]) =>
    article({
      language: 'en',
      title: 'Detroit Lions sign players to futures contracts before the NFL draft',
      text: `The Detroit Lions signed ${names.join(' and ')} to futures contracts on Tuesday, the team said. The Lions finished the NFL season last in the NFC North and hold the third pick in the draft.`,
      entities: names.map(person),
    });

  it('keeps apart two reports of one topic about different people, and joins one that names one of them', () => {
    const clusterer = createClusterer();
    const first = clusterer.assign(report(['Matt Sokol', 'Russell Bodine']));
    const others = clusterer.assign(report(['Eli Harold', 'Jared Goff']));
    const again = clusterer.assign(report(['Russell Bodine', 'Paul Butler']));
    expect(others.storyKey).not.toBe(first.storyKey);
    expect(again.storyKey).toBe(first.storyKey);
  });

  it('joins reports that name fewer than two people', () => {
    const clusterer = createClusterer();
    const first = clusterer.assign(report(['Matt Sokol', 'Russell Bodine']));
    expect(clusterer.assign(report(['Eli Harold'])).storyKey).toBe(first.storyKey);
  });
});
