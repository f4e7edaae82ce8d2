/**
 * Entities stage: people, organisations, accounts, places and products in an article's title and
 * text, each mention linked to one canonical name (docs/decisions/0050). Pure: data in, data out;
 * the shipped lists are read once on first use.
 */
import type { DetectedLanguage, EntityMention, EntityRef, EntityType } from '../domain/types.ts';
import { handleKey } from './accounts.ts';
import { compileCorrections, defaultCorrections, type CompiledCorrections, type EntityCorrections } from './corrections.ts';
import { loadGazetteer, type Gazetteer } from './gazetteer.ts';
import { linkSpans, typeOrder, type LinkedSpan } from './linking.ts';
import { dropNounPersons } from './noun-uses.ts';
import { accountOwner } from './owners.ts';
import { scanField, type FieldScan } from './recognize.ts';

export { parseEntityCorrections, readEntityCorrections, EntityCorrectionsSchema } from './corrections.ts';
export type { EntityCorrections, CorrectionsResult } from './corrections.ts';

export interface EntityInput {
  title?: string;
  text?: string;
  language: DetectedLanguage;
}

export interface EntityResult {
  mentions: EntityMention[];
  /** One entry per canonical entity (also those seen only inside compounds like "Twitter-Account"). */
  entities: EntityRef[];
}

export interface EntityOptions {
  /** Corrections to apply instead of the shipped data/entity-corrections.json. */
  corrections?: EntityCorrections;
}

export function extractEntities(input: EntityInput, options: EntityOptions = {}): EntityResult {
  const g = loadGazetteer();
  const fixes = compileCorrections(options.corrections ?? defaultCorrections());
  const tables = [fixes.aliases, g.aliases];
  const scans: FieldScan[] = [];
  if (input.title) scans.push(scanField('title', input.title, g, tables, input.language));
  if (input.text) scans.push(scanField('text', input.text, g, tables, input.language));
  dropNounPersons(scans);
  const named = applyCorrections(linkSpans(scans), fixes);
  const persons = named.filter((m) => m.type === 'person');
  const accounts = scans.flatMap((scan) => scan.accounts.map((hit) => accountMention(scan, hit.index, hit.name, persons, g, fixes)));
  const mentions = [...named, ...accounts.map((a) => a.mention)].sort(byPosition);
  return { mentions, entities: entityRefs(mentions, scans, accounts).filter((ref) => !fixes.ignore.has(ref.name)) };
}

interface AccountResult {
  mention: EntityMention;
  owner?: string;
}

function accountMention(
  scan: FieldScan, index: number, name: string, persons: EntityMention[], g: Gazetteer, fixes: CompiledCorrections,
): AccountResult {
  const token = scan.ctx.tokens[index];
  const start = token?.start ?? 0;
  const end = token?.end ?? start;
  const key = handleKey(name);
  const owner = fixes.owners.get(key) ?? g.handleOwners.get(key) ?? accountOwner(scan, index, persons, g);
  const mention: EntityMention = { type: 'account', field: scan.field, start, end, text: scan.text.slice(start, end), name };
  return owner ? { mention, owner } : { mention };
}

function applyCorrections(mentions: LinkedSpan[], fixes: CompiledCorrections): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of mentions) {
    if (fixes.ignore.has(m.text) || fixes.ignore.has(m.name)) continue;
    const link = fixes.links.get(m.text);
    out.push({
      type: link?.type ?? m.type, field: m.field, start: m.start, end: m.end, text: m.text, name: link?.name ?? m.name,
    });
  }
  return out;
}

function entityRefs(mentions: EntityMention[], scans: FieldScan[], accounts: AccountResult[]): EntityRef[] {
  const refs = new Map<string, EntityRef>();
  const add = (name: string, type: EntityType, owner?: string) => {
    const key = `${type}\u0000${name}`;
    const ref = refs.get(key);
    if (!ref) refs.set(key, owner ? { name, type, owner } : { name, type });
    else if (owner && !ref.owner) ref.owner = owner;
  };
  for (const m of mentions) add(m.name, m.type);
  for (const a of accounts) add(a.mention.name, 'account', a.owner);
  for (const scan of scans) for (const part of scan.compounds) add(part.name, part.type);
  return [...refs.values()].sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || compareNames(a.name, b.name));
}

let collator: Intl.Collator | undefined;

/** `a.localeCompare(b)`, which builds this same default collator on every call. */
function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

function byPosition(a: EntityMention, b: EntityMention): number {
  return (a.field === b.field ? 0 : a.field === 'title' ? -1 : 1) || a.start - b.start || b.end - a.end;
}
