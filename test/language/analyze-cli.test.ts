import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function analyze(lines: object[]): Array<Record<string, unknown>> {
  const input = lines.map((line) => JSON.stringify(line)).join('\n');
  const run = spawnSync(join(root, 'bin/newsdesk'), ['analyze', '--json'], { cwd: root, input, encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('newsdesk analyze --json: language fields', () => {
  it('answers language and languageConfidence per line, in order', () => {
    const out = analyze([
      { id: 'a', title: 'Microsoft Teams bekommt KI-Update' },
      { id: 'b', title: 'Scholz meets Macron in Berlin' },
      { id: 'c', text: 'Le gouvernement veut faire adopter le projet de loi avant la pause estivale, selon le ministère de la culture.' },
      { id: 'd', title: 'Update', languageHint: 'de' },
      { id: 'e' },
    ]);
    expect(out.map((o) => [o.id, o.language])).toEqual([['a', 'de'], ['b', 'en'], ['c', 'und'], ['d', 'de'], ['e', 'und']]);
    for (const line of out) {
      expect(typeof line.languageConfidence).toBe('number');
      expect(line.languageConfidence).toBeGreaterThanOrEqual(0);
      expect(line.languageConfidence).toBeLessThanOrEqual(1);
    }
    expect(out[4]?.languageConfidence).toBe(0);
  });
});
