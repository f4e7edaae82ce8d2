#!/usr/bin/env node
// postinstall: generate one Prisma client per provider into generated/<provider> (a generated client is
// bound to its provider). Uses the JavaScript engine configured in prisma.config.ts, so it works offline.
import { execFileSync } from 'node:child_process';

for (const provider of ['sqlite', 'postgresql']) {
  execFileSync('npx', ['prisma', 'generate', '--no-hints'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEWSDESK_PRISMA_PROVIDER: provider, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  process.stderr.write(`newsdesk: generated the ${provider} Prisma client\n`);
}
