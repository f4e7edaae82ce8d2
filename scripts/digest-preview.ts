/**
 * `npm run digest:preview`: renders the sample digest (test/fixtures/digest/sample.json, hostile titles
 * included) through the real path — a temporary SQLite database, gatherDigestData, renderDigest — into
 * digest-preview/ (git-ignored), then screenshots the HTML with headless Debian chromium so a person
 * can look at it. Usage: node --import tsx scripts/digest-preview.ts [--width 900] [--height 1400]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildMessage, composeEml } from '../src/digest/message.ts';
import { digestPeriod } from '../src/digest/period.ts';
import { renderDigest } from '../src/digest/render.ts';
import { connect } from '../src/store/client.ts';
import { gatherDigestData } from '../src/store/digest-data.ts';
import { seedSample } from '../test/digest/seed.ts';

const { values } = parseArgs({ options: { width: { type: 'string', default: '900' }, height: { type: 'string', default: '1400' } } });
const outDir = resolve('digest-preview');
const work = mkdtempSync(join(tmpdir(), 'newsdesk-digest-preview-'));

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    if (spawnSync('which', [name]).status === 0) return name;
  }
  return undefined;
}

function screenshot(htmlPath: string, pngPath: string): boolean {
  const browser = findChromium();
  if (!browser) {
    process.stderr.write('no chromium found: install it with `apt-get install -y chromium` to get a screenshot\n');
    return false;
  }
  const result = spawnSync(browser, [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${join(work, 'profile')}`,
    `--screenshot=${pngPath}`, `--window-size=${values.width},${values.height}`, `file://${htmlPath}`,
  ], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) process.stderr.write(`chromium failed (${result.status}): ${result.stderr.slice(-500)}\n`);
  return result.status === 0;
}

const connection = await connect(`file:${join(work, 'preview.db')}`);
try {
  const sample = await seedSample(connection.db);
  const timeZone = 'Europe/Berlin';
  const data = await gatherDigestData(connection.db, {
    period: digestPeriod(sample.date, '07:00', timeZone),
    recipient: sample.recipient,
    maxStories: 12,
    pollIntervalMinutes: 15,
  });
  const rendered = renderDigest(data, { timeZone });
  const message = buildMessage(rendered, { from: 'newsdesk <newsdesk@example.org>', to: sample.recipient.email, digestDate: sample.date, date: data.period.until });
  mkdirSync(outDir, { recursive: true });
  const htmlPath = join(outDir, 'digest.html');
  writeFileSync(htmlPath, rendered.html);
  writeFileSync(join(outDir, 'digest.txt'), rendered.text);
  writeFileSync(join(outDir, 'digest.eml'), await composeEml(message));
  const pngPath = join(outDir, 'digest.png');
  const shot = screenshot(htmlPath, pngPath);
  process.stderr.write(`subject: ${rendered.subject}\nwrote ${htmlPath}, digest.txt, digest.eml${shot ? ` and ${pngPath}` : ''}\n`);
} finally {
  await connection.close();
  rmSync(work, { recursive: true, force: true });
}
