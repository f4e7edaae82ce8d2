/**
 * The researcher-editable corrections file (data/entity-corrections.json, format in
 * docs/decisions/0052): extra entities and aliases, fixed links from a surface form to an
 * entity, surface forms that are never entities, and account owners. Corrections win over
 * the shipped gazetteer and over every rule.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EntityType } from '../domain/types.ts';
import { addAlias, addAliasLine, sortAliases, type AliasEntry } from './gazetteer.ts';
import { handleKey } from './accounts.ts';
import { tokenize } from './tokens.ts';

const EntityTypeSchema = z.enum(['person', 'organization', 'account', 'location', 'product']);

export const EntityCorrectionsSchema = z.object({
  $comment: z.unknown().optional(),
  entities: z.array(z.object({
    name: z.string().min(1),
    type: EntityTypeSchema,
    aliases: z.array(z.string().min(1)).default([]),
  })).default([]),
  links: z.array(z.object({
    surface: z.string().min(1),
    name: z.string().min(1),
    type: EntityTypeSchema.optional(),
  })).default([]),
  ignore: z.array(z.string().min(1)).default([]),
  accounts: z.array(z.object({
    account: z.string().min(1),
    owner: z.string().min(1),
  })).default([]),
}).strict();

export type EntityCorrections = z.infer<typeof EntityCorrectionsSchema>;

export type CorrectionsResult =
  | { ok: true; corrections: EntityCorrections }
  | { ok: false; errors: string[] };

/** Validates parsed JSON; returns errors as values (one line each) instead of throwing. */
export function parseEntityCorrections(json: unknown): CorrectionsResult {
  const parsed = EntityCorrectionsSchema.safeParse(json);
  if (parsed.success) return { ok: true, corrections: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`) };
}

/** Reads and validates a corrections file (IO: call it at the edge, pass the result in). */
export function readEntityCorrections(path: string | URL): CorrectionsResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`cannot read ${String(path)}: ${(error as Error).message}`] };
  }
  try {
    return parseEntityCorrections(JSON.parse(text));
  } catch (error) {
    return { ok: false, errors: [`${String(path)} is not valid JSON: ${(error as Error).message}`] };
  }
}

const DEFAULT_PATH = new URL('../../data/entity-corrections.json', import.meta.url);
let defaults: EntityCorrections | undefined;

/** The shipped corrections file, read once. A broken shipped file is a broken invariant. */
export function defaultCorrections(): EntityCorrections {
  if (defaults) return defaults;
  const result = readEntityCorrections(DEFAULT_PATH);
  if (!result.ok) throw new Error(`data/entity-corrections.json is invalid: ${result.errors.join('; ')}`);
  defaults = result.corrections;
  return defaults;
}

/** Corrections compiled for look-ups; cached per corrections object. */
export interface CompiledCorrections {
  aliases: Map<string, AliasEntry[]>;
  links: Map<string, { name: string; type?: EntityType }>;
  ignore: Set<string>;
  owners: Map<string, string>;
}

const compiled = new WeakMap<EntityCorrections, CompiledCorrections>();

export function compileCorrections(corrections: EntityCorrections): CompiledCorrections {
  const hit = compiled.get(corrections);
  if (hit) return hit;
  const aliases = new Map<string, AliasEntry[]>();
  const owners = new Map<string, string>();
  for (const entity of corrections.entities) {
    addAliasLine(aliases, owners, [entity.name, ...entity.aliases].join(' | '), entity.type);
  }
  const links = new Map<string, { name: string; type?: EntityType }>();
  for (const link of corrections.links) {
    links.set(link.surface, { name: link.name, ...(link.type ? { type: link.type } : {}) });
    if (link.type && link.type !== 'account') {
      addAlias(aliases, { tokens: tokenize(link.surface).map((token) => token.text), name: link.name, type: link.type });
    }
  }
  sortAliases(aliases);
  for (const account of corrections.accounts) owners.set(handleKey(account.account), account.owner);
  const out = { aliases, links, ignore: new Set(corrections.ignore), owners };
  compiled.set(corrections, out);
  return out;
}
