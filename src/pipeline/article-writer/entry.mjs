// Used when the thread cannot start from its bundle (src/runtime/thread-bundle.ts): worker threads do not
// inherit tsx's loader from the main thread, so register it, then run the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
