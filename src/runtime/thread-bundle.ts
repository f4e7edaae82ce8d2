/**
 * A worker thread's code as one plain JavaScript file. Worker threads do not inherit tsx's loader: started
 * from TypeScript, each one registers tsx, which runs a loader thread of its own and passes every module of
 * the worker through it. For the import's analysis worker that took most of a second of a busy machine's
 * first two, and each loader thread held its own heap. esbuild bundles the worker's modules (packages stay
 * imports) in its own process in about 100 ms, from the sources as they are, every time threads start, so a
 * bundle is never stale. See docs/decisions/0104-thread-bundles.md.
 */
import { build, stop, type BuildOptions, type BuildResult } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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
 */
export async function threadEntry(source: URL): Promise<URL> {
  try {
    const path = fileURLToPath(source);
    const { outputFiles } = await bundle({
      entryPoints: [path],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    });
    const code = outputFiles[0]?.text;
    if (code === undefined) throw new Error('esbuild wrote no bundle');
    const file = join(BUNDLES, `${basename(dirname(path))}.mjs`);
    if ((await readFile(file, 'utf8').catch(() => '')) !== code) await replace(file, code);
    return pathToFileURL(file);
  } catch {
    return new URL('./entry.mjs', source);
  }
}

let building = 0;

/** esbuild's `build`, its process stopped once no bundle is being made (it would stay, ~13 MB, until exit). */
async function bundle(options: BuildOptions): Promise<BuildResult<{ write: false }>> {
  building += 1;
  try {
    return await build({ ...options, write: false });
  } finally {
    building -= 1;
    if (building === 0) await stop().catch(() => undefined);
  }
}

let writes = 0;

/** Written beside and renamed into place: a thread starting in another process reads the old or the new file whole. */
async function replace(file: string, code: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${++writes}.tmp`;
  await writeFile(temporary, code);
  await rename(temporary, file);
}
