/** settings.entityCorrections: a researcher's file, loaded at the edge, wins in every analysis path. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { importArticles } from '../../src/pipeline/import-articles.ts';
import { createIngestor } from '../../src/pipeline/ingest.ts';
import { UsageError } from '../../src/domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-corrections-'));
const article = JSON.stringify({
  url: 'https://example.org/a', title: 'Twitter-Mitarbeiter Bahtiyar Duysak spricht über Trump',
  text: 'Bahtiyar Duysak hat den Account von Donald Trump bei Twitter abgeschaltet.', language: 'de',
});

describe('entity corrections from the configuration', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  it('are read relative to the config file and win over the rules', async () => {
    writeFileSync(join(dir, 'fixes.json'), JSON.stringify({
      entities: [], accounts: [], ignore: [],
      links: [{ surface: 'Bahtiyar Duysak', name: 'Bahtiyar Duysak (Twitter contractor)', type: 'person' }],
    }));
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify({ settings: { entityCorrections: 'fixes.json' }, feeds: [] }));
    const config = await loadConfig(join(dir, 'feeds.json'), {});
    expect(config.entityCorrections?.links).toHaveLength(1);

    const corrected = await importArticles(Readable.from([article]), createIngestor(db.db, { clusterWindowHours: 72 }),
      () => new Date(), { corrections: config.entityCorrections! });
    expect(corrected.new).toBe(1);
    const names = (await db.db.entity.findMany()).map((e) => e.name);
    expect(names).toContain('Bahtiyar Duysak (Twitter contractor)');
    expect(names).not.toContain('Bahtiyar Duysak');
    expect(names).toContain('Donald Trump');
  });

  it('a broken corrections file is a usage error naming the file', async () => {
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ entities: 'nope' }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ settings: { entityCorrections: 'broken.json' }, feeds: [] }));
    await expect(loadConfig(join(dir, 'bad.json'), {})).rejects.toThrow(UsageError);
    await expect(loadConfig(join(dir, 'bad.json'), {})).rejects.toThrow(/broken\.json/);
  });
});

describe('ignored names', () => {
  it('are dropped from the entities too, also when seen only inside a compound', async () => {
    const { extractEntities } = await import('../../src/entities/index.ts');
    const result = extractEntities(
      { title: 'Twitter-Mitarbeiter Bahtiyar Duysak spricht', text: 'Duysak arbeitete für Twitter.', language: 'de' },
      { corrections: { entities: [], links: [], ignore: ['Twitter'], accounts: [] } },
    );
    expect(result.entities.map((e) => e.name)).toEqual(['Bahtiyar Duysak']);
  });
});
