/** A failed digest delivery is visible in `newsdesk status` (and `newsdesk feeds`), not only in the database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/check.ts';
import { checkEnv } from '../../src/config/env.ts';
import { gatherStatus } from '../../src/daemon/status.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

describe('status', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  it('lists failed digest deliveries of the last week', async () => {
    const now = new Date();
    await db.db.digestDelivery.create({
      data: { recipient: 'researcher@example.org', digestDate: '2026-11-23', status: 'failed', attempts: 3,
        lastError: 'SMTP 451 try again later', nextAttemptAt: new Date(now.getTime() + 60_000) },
    });
    const env = checkEnv({});
    if (!env.ok) throw new Error('env');
    const config = checkConfig({ feeds: [] }, env.env);
    if (!config.ok) throw new Error('config');
    const status = await gatherStatus(db.db, config.config, now);
    expect(status.digestFailures).toEqual([
      expect.objectContaining({ recipient: 'researcher@example.org', digestDate: '2026-11-23', attempts: 3,
        lastError: 'SMTP 451 try again later' }),
    ]);
  });
});
