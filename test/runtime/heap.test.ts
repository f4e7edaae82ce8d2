import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const heapModule = fileURLToPath(new URL('../../src/runtime/heap.ts', import.meta.url));

describe('boundHeapGrowth', () => {
  it('sets a flag this Node.js version knows (an unknown one is only reported on stderr)', () => {
    const script = `const { boundHeapGrowth } = await import(${JSON.stringify(heapModule)}); boundHeapGrowth(); console.log('set');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/unrecognized flag/i);
    expect(run.stdout.trim()).toBe('set');
  });
});
