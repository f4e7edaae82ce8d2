import type { DetectedLanguage, EntityMention, EntityRef } from '../domain/types.ts';

export interface EntityInput {
  title?: string;
  text?: string;
  language: DetectedLanguage;
}

export interface EntityResult {
  mentions: EntityMention[];
  entities: EntityRef[];
}

/** STUB, replaced by the entities stage. */
export function extractEntities(_input: EntityInput): EntityResult {
  return { mentions: [], entities: [] };
}
