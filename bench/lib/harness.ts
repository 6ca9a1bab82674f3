// What every bench shares, in one place to import from: the service as children of the run with a throwaway
// database, the seed, options, statistics, the result file, and from @app/devkit cleanup, HTTP and waiting.
export { delay, deleteKeys, HttpClient, onCleanup, runMain, UsageError, waitUntil } from '@app/devkit';
export { environment } from './environment';
export { inLanes, insertTransactions } from './load';
export { checkKnown, integerOption, listOption, numberOption, parseArgs } from './options';
export { type Correctness, finish, formatRatio, shareOfBaseline, type SummaryRow, writeResult } from './results';
export {
  CATEGORIES,
  checkRouted,
  DEADLINE_POLICY,
  inboxIds,
  INSPECTION_OFFICE,
  INSPECTOR,
  issueBody,
  login,
  REGIONS,
  seed,
  SUPERVISOR,
  waitRouted,
} from './seed';
export { ADMIN, createBenchEnv, DIST, RESULTS_DIR, spawnWorker, startApi, startWorker } from './service';
export { formatTable, median, type Stats, stats, summarize, tableRatio, tableStats } from './stats';
export { applyWhatIf, parseWhatIf } from './what-if';
