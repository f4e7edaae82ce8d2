/** What every daemon job needs, built once by `runDaemon`. */
import type { Config } from '../config/check.ts';
import type { Fetcher } from '../fetch/index.ts';
import type { Logger } from '../log/logger.ts';
import type { Db } from '../store/client.ts';
import type { Provider } from '../store/leases.ts';

export interface DaemonContext {
  db: Db;
  provider: Provider;
  config: Config;
  /** This process's id in the Worker table and in every lease it takes. */
  worker: string;
  log: Logger;
  fetcher: Fetcher;
  now: () => Date;
  /** How long a claim (feeds, cluster job) lasts without renewal: the pick-up delay after a crash. */
  leaseMs: number;
}
