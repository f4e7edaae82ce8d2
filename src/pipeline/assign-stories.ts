/**
 * Incremental story assignment in arrival order. The pure clusterer holds the stories of the time window
 * around the articles being assigned; this loads them from the store as the window moves (never all
 * stories). Memberships are written in batches, each with the rows of the stories it changed in one
 * transaction; the clusterer's shared state (document frequencies) is flushed in batches too, since losing
 * a few of its updates is harmless.
 */
import { createClusterer, type AssignConstraints, type Clusterer, type StoryState } from '../cluster/index.ts';
import type { ClusterArticle, DetectedLanguage } from '../domain/types.ts';
import type { StoryRecord } from '../store/articles.ts';
import type { Db } from '../store/client.ts';
import {
  createStoryRow, loadSharedClusterState, loadStoryStates, recordAssignments, releaseStoryIds, reserveStoryIds,
  saveSharedClusterState,
  type StoryUpdate, type StoryWrite,
} from '../store/stories.ts';
import { summariseStory } from './story-summary.ts';

const HOUR_MS = 3_600_000;
/** Stories the clusterer founds get a temporary key until the store gives them an id. */
const TEMPORARY = 'new:';
const isTemporary = (key: string) => key.startsWith(TEMPORARY);
/**
 * Seconds between saves of the shared state (document frequencies, outlet vocabularies and templates; ~0.6 MB
 * of JSON on a busy archive) during a long run; every run also saves it when it finishes. Losing the updates
 * since the last save only makes those statistics slightly older. By time, not by count: a save took ~0.1 s
 * of the main thread on a 10,000-article import (more as the tables grow), and every 2,000 assignments that
 * was 5 % of the main thread's work.
 */
const SHARED_STATE_SECONDS = 60;
/**
 * Assignments stored per transaction. A story that grows in both halves of 400 assignments has its row
 * written once instead of twice: on a 10,000-article import, three alternating pairs against 200 ran 1–3 %
 * faster at the same peak memory.
 */
const WRITE_EVERY = 400;
/** Story ids taken ahead at least, and after each write as many as the last batch founded stories. */
const RESERVE_AT_LEAST = 16;

export class StoryAssigner {
  private clusterer: Clusterer | undefined;
  private loaded: { from: number; to: number } | undefined;
  private readonly touched = new Set<string>();
  private readonly entityTypes = new Map<string, string>();
  private lastFlush = performance.now();
  /** Assignments since the last write. */
  private unwritten = 0;
  /** Assignments and merges not stored yet, in order, and the stories they changed (see write()). */
  private pending: StoryWrite[] = [];
  private readonly dirty = new Map<string, StoryState | undefined>();
  /** Stories merged away by pending merges: their rows still look live until write(). */
  private readonly mergedAway = new Set<string>();
  /** Temporary keys already given an id (a merge may name one after it was persisted). */
  private readonly ids = new Map<string, string>();
  /** Story ids reserved ahead (SQLite) and not used yet; stories founded since the last write. */
  private reserved: number[] = [];
  private founded = 0;

  constructor(
    private readonly db: Db,
    private readonly options: {
      windowHours: number;
      now?: () => Date;
      /** Recluster: start from no stories instead of loading the window's stories from the store. */
      fresh?: boolean;
      /** Recluster: the story an article was in before, whose id a new story it founds may keep. */
      previousStory?: (articleId: number) => number | undefined;
    },
  ) {}

  async assign(
    articleId: number,
    record: StoryRecord,
    constraints: AssignConstraints & { pinned?: boolean; firstTime?: boolean } = {},
  ): Promise<void> {
    const clusterer = await this.ready();
    const published = record.publishedAt ?? record.fetchedAt;
    if (!this.options.fresh) await this.ensureLoaded(clusterer, published.getTime());
    for (const entity of record.entities) this.entityTypes.set(entity.name, entity.type);
    const article: ClusterArticle = {
      id: articleId,
      url: record.url,
      source: record.source,
      title: record.title,
      text: record.bodyText ?? '',
      language: record.language as DetectedLanguage,
      published,
      entities: record.entities,
    };
    this.ids.clear(); // temporary keys live only within one assignment
    const assignment = clusterer.assign(article, constraints);
    // The clusterer may fold converged stories together as it assigns: the store follows.
    for (const { into, from } of assignment.merged) await this.applyMerge(clusterer, into, from);
    let key = this.persisted(assignment.storyKey);
    if (isTemporary(key)) key = await this.persistNewStory(clusterer, key, article);
    this.pending.push({
      join: {
        storyId: Number(key), articleId, joinedAt: this.now(), score: assignment.score, reasons: assignment.reasons,
        pinned: constraints.pinned ?? false, firstTime: constraints.firstTime ?? false,
      },
    });
    this.touched.add(key);
    this.dirty.set(key, clusterer.getStory(key));
    if (++this.unwritten >= WRITE_EVERY) await this.write();
    if (performance.now() - this.lastFlush >= SHARED_STATE_SECONDS * 1000) await this.flush();
  }

  /**
   * Stores the assignments and merges made since the last write, in order, and the rows of the stories
   * they changed, in one transaction. Callers that read memberships back (or report them done) call this first.
   */
  async write(): Promise<void> {
    const clusterer = this.clusterer;
    if (!clusterer || this.pending.length === 0) return;
    // A story the clusterer evicted since (out of the window) is written from the state it had.
    const stories = [...this.dirty].map(([key, state]) => this.storyUpdate(clusterer, key, state));
    await recordAssignments(this.db, this.pending, stories);
    this.pending = [];
    this.unwritten = 0;
    this.dirty.clear();
    this.mergedAway.clear();
    await this.reserveIds(Math.max(RESERVE_AT_LEAST, this.founded));
    this.founded = 0;
  }

  async finish(): Promise<{ storiesTouched: number }> {
    if (this.clusterer) {
      await this.mergeConverged(this.clusterer);
      await this.write();
      await this.flush();
      await releaseStoryIds(this.db, this.reserved.splice(0));
    }
    return { storiesTouched: this.touched.size };
  }

  private storyUpdate(clusterer: Clusterer, key: string, last?: StoryState): StoryUpdate {
    const state = clusterer.getStory(key) ?? last;
    if (!state) throw new Error(`story ${key} is not in the clusterer after assignment`);
    return { id: Number(key), summary: summariseStory(state, this.entityTypes), state };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async ready(): Promise<Clusterer> {
    if (!this.clusterer) {
      const shared = await loadSharedClusterState(this.db);
      this.clusterer = createClusterer(
        { windowHours: this.options.windowHours, newStoryKey: (article) => `${TEMPORARY}${article.id}` },
        shared ? { ...shared, highWater: null, stories: [] } : undefined,
      );
    }
    return this.clusterer;
  }

  /** Loads the stories of [t - window, t + window] not in memory yet (arrival order makes this incremental). */
  private async ensureLoaded(clusterer: Clusterer, t: number): Promise<void> {
    const window = this.options.windowHours * HOUR_MS;
    if (this.loaded && t - window >= this.loaded.from && t + window <= this.loaded.to) return;
    // Arrival order moves forward: load a window ahead too, so this runs once per window, not per article.
    const from = t - window;
    const to = t + 2 * window;
    const keys = new Set(clusterer.stories().map((story) => story.key));
    for (const story of await loadStoryStates(this.db, new Date(from), new Date(to), keys)) {
      if (this.mergedAway.has(story.key)) continue;
      // A story changed since the last write and evicted since: its row is stale, its pending state is not.
      clusterer.addStory(this.dirty.get(story.key) ?? story);
    }
    this.loaded = this.loaded
      ? { from: Math.min(this.loaded.from, from), to: Math.max(this.loaded.to, to) }
      : { from, to };
  }

  /** The clusterer names a new story after its founder; the store's id becomes its key. */
  private async persistNewStory(
    clusterer: Clusterer,
    key: string,
    article: Pick<ClusterArticle, 'id' | 'title' | 'published'>,
  ): Promise<string> {
    const previous = this.options.previousStory?.(article.id);
    const reuse = previous !== undefined && !this.touched.has(String(previous));
    const id = reuse ? previous : await this.newStoryId({ articleId: article.id, title: article.title, when: article.published });
    const state = clusterer.getStory(key);
    if (state) {
      clusterer.removeStory(key);
      clusterer.addStory({ ...state, key: String(id) });
    }
    this.ids.set(key, String(id));
    return String(id);
  }

  /**
   * A new story's id: a reserved one, its row written with the next batch (so founding a story costs no
   * transaction of its own), or on PostgreSQL a row written now.
   */
  private async newStoryId(founder: { articleId: number; title: string; when: Date }): Promise<number> {
    this.founded += 1;
    if (this.reserved.length === 0) await this.reserveIds(RESERVE_AT_LEAST);
    const id = this.reserved.shift();
    if (id === undefined) return createStoryRow(this.db, founder);
    this.pending.push({ create: { id, ...founder } });
    return id;
  }

  /** Tops the reserve up to `count` ids (none on PostgreSQL). */
  private async reserveIds(count: number): Promise<void> {
    if (this.reserved.length >= count) return;
    this.reserved.push(...((await reserveStoryIds(this.db, count - this.reserved.length)) ?? []));
  }

  private persisted(key: string): string {
    return this.ids.get(key) ?? key;
  }

  private async mergeConverged(clusterer: Clusterer): Promise<void> {
    for (const { into, from } of clusterer.mergeConverged()) await this.applyMerge(clusterer, into, from);
  }

  /**
   * Mirrors one merge of the clusterer in the store, queued with the assignments so the members it moves
   * are stored first; a story without a row yet gets one now.
   */
  private async applyMerge(clusterer: Clusterer, into: string, from: string): Promise<void> {
    const fromKey = this.persisted(from);
    let intoKey = this.persisted(into);
    if (isTemporary(fromKey)) return; // founded by the article being assigned: nothing stored yet
    // A merged story's row is written by the merge, not as a changed story.
    this.dirty.delete(fromKey);
    this.mergedAway.add(fromKey);
    if (isTemporary(intoKey)) {
      const founder = clusterer.getStory(intoKey)?.members[0];
      intoKey = await this.persistNewStory(clusterer, intoKey, {
        id: founder?.id ?? 0, title: founder?.title ?? '', published: new Date(founder?.published ?? Date.now()),
      });
    }
    this.pending.push({ merge: { into: Number(intoKey), from: Number(fromKey), at: this.now() } });
    // A merge sequence can fold `into` further on (A←B, then C←A): then only the last survivor is written.
    const survivor = clusterer.getStory(intoKey);
    if (survivor) this.dirty.set(intoKey, survivor);
    this.touched.add(intoKey);
  }

  private async flush(): Promise<void> {
    const clusterer = this.clusterer;
    if (!clusterer) return;
    this.lastFlush = performance.now();
    const { stories: _stories, ...shared } = clusterer.snapshot();
    await saveSharedClusterState(this.db, shared);
  }

}
