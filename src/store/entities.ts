/** Canonical entities and their aliases; ids cached per connection (entities are never renamed in place). */
import type { EntityMention, EntityRef } from '../domain/types.ts';
import type { Db } from './client.ts';

/**
 * An entity's key: its type and lower-cased name without accents, so "Pedro Sánchez" and "Pedro Sanchez", or
 * "Société Générale" and "Societe Generale", are one entity whichever spelling an outlet uses. Folded by a fixed
 * table (not Unicode decomposition) because migration 0005 folds the stored keys with the same table in SQL.
 */
export function entityKey(ref: { name: string; type: string }): string {
  return `${ref.type}:${foldName(ref.name)}`;
}

/** The keys a typed name has as an entity of each type (a lookup by key finds every spelling). */
export function entityKeysOf(name: string): string[] {
  return ENTITY_TYPES.map((type) => entityKey({ name, type }));
}

const ENTITY_TYPES = ['person', 'organization', 'account', 'location', 'product'] as const;

/** Lower case, accents removed by `FOLD`. */
export function foldName(name: string): string {
  const lower = name.toLowerCase();
  return NON_ASCII.test(lower) ? lower.replace(FOLDED, (c) => FOLD[c] ?? c) : lower;
}

const spread = (chars: string, to: string): Array<[string, string]> => [...chars].map((c) => [c, to]);

/** Mirrored in prisma/{sqlite,postgresql}/migrations/0005_entity_keys_without_accents (test/store/entity-keys.test.ts). */
export const FOLD: Record<string, string> = Object.fromEntries([
  ...spread('áàâãåäāăą', 'a'),
  ...spread('éèêëēėęě', 'e'),
  ...spread('íìîïīįı', 'i'),
  ...spread('óòôõöøōő', 'o'),
  ...spread('úùûüūůűų', 'u'),
  ...spread('ýÿ', 'y'),
  ...spread('ñńň', 'n'),
  ...spread('çćč', 'c'),
  ...spread('śšşș', 's'),
  ...spread('źżž', 'z'),
  ...spread('ğ', 'g'),
  ...spread('ł', 'l'),
  ...spread('ř', 'r'),
  ...spread('ťț', 't'),
  ...spread('ďđ', 'd'),
  ...spread('ß', 'ss'),
  ...spread('æ', 'ae'),
  ...spread('œ', 'oe'),
  // the dot that "İ".toLowerCase() leaves on an i
  ...spread('\u0307', ''),
]);
const NON_ASCII = /[^\u0000-\u007f]/u;
const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');

export const aliasKey = (entityId: number, alias: string): string => `${entityId}\u0000${alias}`;
const ownerKey = (entityId: number, ownerId: number): string => `${entityId}>${ownerId}`;

/** Every entity an article names: its refs plus any mention whose entity is not among them. */
export function entitiesOf(refs: EntityRef[], mentions: EntityMention[]): Map<string, EntityRef> {
  const all = new Map<string, EntityRef>();
  for (const ref of refs) all.set(entityKey(ref), ref);
  for (const m of mentions) if (!all.has(entityKey(m))) all.set(entityKey(m), { name: m.name, type: m.type });
  return all;
}

/** A Mention row: an entity the article names, by its first mention (in the article's order), and how often. */
export interface StoredMention {
  key: string;
  first: EntityMention;
  count: number;
}

/** An article's mentions as stored: one per entity. */
export function mentionsPerEntity(mentions: readonly EntityMention[]): StoredMention[] {
  const out = new Map<string, StoredMention>();
  for (const m of mentions) {
    const key = entityKey(m);
    const seen = out.get(key);
    if (seen) seen.count += 1;
    else out.set(key, { key, first: m, count: 1 });
  }
  return [...out.values()];
}

/** A Mention row as one string, so a stored article's rows and a fresh analysis's compare. */
export function mentionRowKey(row: { key: string; count: number; field: string; start: number; end: number; surface: string }): string {
  return [row.key, row.count, row.field, row.start, row.end, row.surface].join('\u0000');
}

/** The Mention rows an analysis gives, as `mentionRowKey`s, sorted. */
export function mentionRowKeys(mentions: readonly EntityMention[]): string[] {
  return mentionsPerEntity(mentions)
    .map(({ key, first, count }) => mentionRowKey({ key, count, field: first.field, start: first.start, end: first.end, surface: first.text }))
    .sort();
}

export const OWNER_TYPES = ['person', 'organization'] as const;

type Tx = Pick<Db, 'entity' | 'entityAlias'>;

/**
 * Entity and alias ids seen by this process. Ids learnt inside a transaction stay in that transaction's
 * fork until it commits: a concurrent transaction must never use an id another has not committed yet.
 */
export class EntityIds {
  private readonly ids = new Map<string, number>();
  private readonly aliases = new Set<string>();
  /** `ownerKey(entityId, ownerId)` of the owners this process has set. */
  private readonly owners = new Set<string>();

  constructor(private readonly parent?: EntityIds) {}

  /** A cache for one transaction, reading through to this one. */
  fork(): EntityIds {
    return new EntityIds(this);
  }

  /** After the fork's transaction committed: its ids are safe for everyone. */
  adopt(fork: EntityIds): void {
    for (const [key, id] of fork.ids) this.ids.set(key, id);
    for (const alias of fork.aliases) this.aliases.add(alias);
    for (const owner of fork.owners) this.owners.add(owner);
  }

  cachedId(key: string): number | undefined {
    return this.ids.get(key) ?? this.parent?.cachedId(key);
  }

  remember(key: string, id: number): void {
    this.ids.set(key, id);
  }

  /** Alias keys are `aliasKey(entityId, alias)`. */
  hasAlias(key: string): boolean {
    return this.aliases.has(key) || (this.parent?.hasAlias(key) ?? false);
  }

  rememberAlias(key: string): void {
    this.aliases.add(key);
  }

  /** Whether this process has set the entity's owner to `ownerId` (an account's person or organisation). */
  hasOwner(entityId: number, ownerId: number): boolean {
    return this.owners.has(ownerKey(entityId, ownerId)) || (this.parent?.hasOwner(entityId, ownerId) ?? false);
  }

  rememberOwner(entityId: number, ownerId: number): void {
    this.owners.add(ownerKey(entityId, ownerId));
  }

  async resolve(db: Tx, refs: EntityRef[], mentions: EntityMention[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const all = entitiesOf(refs, mentions);
    for (const [key, ref] of all) result.set(key, await this.idFor(db, key, ref));
    for (const ref of all.values()) {
      if (!ref.owner) continue;
      const ownerId = await this.findOwner(db, ref.owner);
      const id = result.get(entityKey(ref))!;
      if (ownerId === undefined || this.hasOwner(id, ownerId)) continue;
      await db.entity.update({ where: { id }, data: { ownerId } });
      this.rememberOwner(id, ownerId);
    }
    for (const m of mentions) await this.alias(db, result.get(entityKey(m))!, m.text);
    return result;
  }

  private async idFor(db: Tx, key: string, ref: EntityRef): Promise<number> {
    const cached = this.cachedId(key);
    if (cached !== undefined) return cached;
    const row = await db.entity.upsert({
      where: { key },
      create: { key, name: ref.name, type: ref.type },
      update: {},
      select: { id: true },
    });
    this.ids.set(key, row.id);
    return row.id;
  }

  private async findOwner(db: Tx, name: string): Promise<number | undefined> {
    for (const type of OWNER_TYPES) {
      const key = entityKey({ name, type });
      const id = this.cachedId(key) ?? (await db.entity.findUnique({ where: { key }, select: { id: true } }))?.id;
      if (id !== undefined) return id;
    }
    return undefined;
  }

  private async alias(db: Tx, entityId: number, alias: string): Promise<void> {
    const key = aliasKey(entityId, alias);
    if (this.hasAlias(key)) return;
    await db.entityAlias.upsert({
      where: { entityId_alias: { entityId, alias } },
      create: { entityId, alias },
      update: {},
      select: { id: true },
    });
    this.aliases.add(key);
  }

}

/**
 * Entities no article names any more and that own no account (after a re-analysis), with their aliases:
 * left in place they would answer `entity NAME` with nothing and take the name from the entity that now has it.
 */
export async function removeOrphanEntities(db: Db): Promise<number> {
  const { count } = await db.entity.deleteMany({ where: { mentions: { none: {} }, accounts: { none: {} } } });
  return count;
}
