import { describe, expect, it } from 'vitest';
import { PackedVector } from '../../src/cluster/packed-vector.ts';
import { createStoryIndex } from '../../src/cluster/story-index.ts';
import type { StoryState } from '../../src/cluster/types.ts';
import type { Vector } from '../../src/cluster/vector.ts';

function story(key: string, centroid: Vector): StoryState {
  const at = '2026-12-04T10:00:00.000Z';
  return { key, firstSeen: at, lastSeen: at, curated: false, apart: [], members: [], core: [], centroid: PackedVector.from(centroid), entities: {} };
}

/** A query as [feature, weight] pairs, in the record's order. */
const q = (query: Vector) => Object.entries(query);

describe('story index', () => {
  it('ranks stories by the query weight they carry, a tie going to the story hit first', () => {
    const index = createStoryIndex(40, 400);
    index.put(story('a', { 'n:twitter': 0.5, 'w:en:account': 0.4 }));
    index.put(story('b', { 'n:trump': 0.6, 'w:en:account': 0.3 }));
    index.put(story('c', { 'n:twitter': 0.2 }));
    const query = { 'n:twitter': 1, 'n:trump': 2, 'w:en:account': 0.5 };
    // a: 1 + 0.5, b: 2 + 0.5, c: 1 (a and c tie on "twitter" alone; a also has "account")
    expect(index.candidates(q(query), 10)).toEqual(['b', 'a', 'c']);
    expect(index.candidates(q(query), 2)).toEqual(['b', 'a']);
    expect(index.candidates(q(query), 0)).toEqual([]);
    expect(index.candidates(q({ 'n:twitter': 1 }), 10)).toEqual(['a', 'c']);
  });

  it('puts a story again at the end of its terms, so ties then go to the others', () => {
    const index = createStoryIndex(40, 400);
    index.put(story('a', { 'n:twitter': 0.5 }));
    index.put(story('c', { 'n:twitter': 0.2 }));
    expect(index.candidates(q({ 'n:twitter': 1 }), 10)).toEqual(['a', 'c']);
    index.put(story('a', { 'n:twitter': 0.6, 'n:duysak': 0.5 }));
    expect(index.candidates(q({ 'n:twitter': 1 }), 10)).toEqual(['c', 'a']);
    expect(index.candidates(q({ 'n:duysak': 1, 'n:twitter': 1 }), 10)).toEqual(['a', 'c']);
  });

  it('forgets removed stories and the terms a story no longer carries', () => {
    const index = createStoryIndex(40, 400);
    index.put(story('a', { 'n:twitter': 0.5, 'n:trump': 0.4 }));
    index.put(story('b', { 'n:trump': 0.6 }));
    index.put(story('a', { 'n:twitter': 0.5 }));
    expect(index.candidates(q({ 'n:trump': 1 }), 10)).toEqual(['b']);
    index.remove('b');
    expect(index.candidates(q({ 'n:trump': 1 }), 10)).toEqual([]);
    index.put(story('d', { 'n:trump': 0.1 }));
    // a tie: "trump" comes first in the query, so d is hit first
    expect(index.candidates(q({ 'n:trump': 1, 'n:twitter': 1 }), 10)).toEqual(['d', 'a']);
  });

  it('indexes only the heaviest non-gram terms and skips terms too common to select', () => {
    const index = createStoryIndex(1, 2);
    index.put(story('a', { 'g:twit': 0.9, 'n:twitter': 0.5, 'w:en:account': 0.1 }));
    expect(index.candidates(q({ 'g:twit': 1 }), 10)).toEqual([]);
    expect(index.candidates(q({ 'w:en:account': 1 }), 10)).toEqual([]);
    index.put(story('b', { 'n:twitter': 0.5 }));
    index.put(story('c', { 'n:twitter': 0.5 }));
    expect(index.candidates(q({ 'n:twitter': 1 }), 10)).toEqual([]);
    index.remove('c');
    expect(index.candidates(q({ 'n:twitter': 1 }), 10)).toEqual(['a', 'b']);
  });

  it('counts a story hit only by zero weights once', () => {
    const index = createStoryIndex(40, 400);
    index.put(story('a', { 'n:twitter': 0.5, 'n:trump': 0.4 }));
    expect(index.candidates(q({ 'n:twitter': 0, 'n:trump': 0 }), 10)).toEqual(['a']);
  });
});
