/** An account's owner (the person or organisation behind it) is linked once that entity exists. */
import { afterEach, describe, expect, it } from 'vitest';
import { toRecord } from '../../src/pipeline/import-line.ts';
import { saveArticles } from '../../src/store/articles.ts';
import { EntityIds } from '../../src/store/entities.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';

const record = (url: string, title: string, text: string) => {
  const line = JSON.stringify({ url, title, text, published: '2017-11-03T10:00:00Z', language: 'en' });
  const result = toRecord(line, new Date('2017-11-03T12:00:00Z'));
  if (typeof result === 'string') throw new Error(result);
  return result;
};

describe.each(providers)('account owners on %s', (provider) => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.drop());

  it('links the owner when a later article names it, with the same entity cache', async () => {
    database = await createTestDatabase(provider);
    const entities = new EntityIds();
    const account = () => database!.db.entity.findFirstOrThrow({ where: { name: '@realDonaldTrump' }, include: { owner: true } });
    await saveArticles(database.db, entities, [
      record('https://example.org/1', 'A tweet went missing', 'The account @realDonaldTrump was offline for eleven minutes.'),
    ]);
    expect((await account()).owner).toBeNull();
    await saveArticles(database.db, entities, [
      record('https://example.org/2', 'Donald Trump returns', 'Donald Trump wrote again on @realDonaldTrump on Friday.'),
      record('https://example.org/3', 'Again', 'Donald Trump and @realDonaldTrump, once more, on Saturday.'),
    ]);
    expect((await account()).owner?.name).toBe('Donald Trump');
  });
});
