/**
 * A worker thread's code as one plain JavaScript file. Worker threads do not inherit tsx's loader: started
 * from TypeScript, each one registers tsx, which runs a loader thread of its own and passes every module of
 * the worker through it, one request at a time. esbuild bundles the worker's modules (packages stay imports)
 * in 40–140 ms from the sources as they are, every time threads start, so a bundle is never stale.
 * See docs/decisions/0104-thread-bundles.md.
 */
import { buildSync, stop } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where bundles go. It lies as deep below the repository as `src/<stage>/`, so the modules' paths relative
 * to their own file (`new URL('../../data/…', import.meta.url)`) name the same files from the bundle.
 */
const BUNDLES = fileURLToPath(new URL('../../generated/threads/', import.meta.url));

/**
 * The entry of a worker thread whose code is `source` (`…/<name>/worker.ts`): its bundle, written to
 * `generated/threads/<name>.mjs`, or, when bundling fails (no esbuild binary, a read-only install), the
 * `entry.mjs` beside the source, which registers tsx and imports it.
 *
 * Synchronous on purpose: the main thread analyses while the threads start, and with esbuild's asynchronous
 * API the bundle waited for its turns of the event loop and for esbuild's process to get a core (0.6–0.8 s
 * under an import's load, against 0.04–0.14 s blocking).
 */
export function threadEntry(source: URL): URL {
  try {
    const path = fileURLToPath(source);
    const { outputFiles } = buildSync({
      entryPoints: [path],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const code = outputFiles[0]?.text;
    if (code === undefined) throw new Error('esbuild wrote no bundle');
    const file = join(BUNDLES, `${basename(dirname(path))}.mjs`);
    if (readOrEmpty(file) !== code) replace(file, code);
    return pathToFileURL(file);
  } catch {
    return new URL('./entry.mjs', source);
  } finally {
    stopSoon();
  }
}

let stopping = false;

/**
 * esbuild's synchronous API keeps a helper thread and its process (~13 MB) until stopped. They are stopped
 * once the threads started together (an import's writer and analysis workers) have their bundles.
 */
function stopSoon(): void {
  if (stopping) return;
  stopping = true;
  setImmediate(() => {
    stopping = false;
    void stop();
  });
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

let writes = 0;

/** Written beside and renamed into place: a thread starting in another process reads the old or the new file whole. */
function replace(file: string, code: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${++writes}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, file);
}
