// What every bench shares, in one place to import from: the service as children of the run with a throwaway
// database, the seed, options, statistics, the result file, and from @app/devkit cleanup, HTTP and waiting.
export {
  delay,
  deleteKeys,
  HttpClient,
  type HttpResponse,
  ManagedProcess,
  onCleanup,
  runMain,
  UsageError,
  waitUntil,
} from '@app/devkit';
export { environment } from './environment';
export { inLanes, insertTransactions } from './load';
export { checkKnown, integerOption, listOption, numberOption, parseArgs } from './options';
export {
  type Correctness,
  finish,
  formatRatio,
  printSummary,
  shareOfBaseline,
  type SummaryRow,
  writeResult,
} from './results';
export {
  CATEGORIES,
  checkRouted,
  DEADLINE_POLICY,
  expectedUnit,
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
export {
  ADMIN,
  API_MAIN,
  type BenchEnv,
  createBenchEnv,
  DIST,
  RESULTS_DIR,
  requireServers,
  ROOT,
  serviceEnv,
  spawnWorker,
  startApi,
  startWorker,
  WORKER_MAIN,
} from './service';
export {
  formatTable,
  median,
  type Stats,
  stats,
  summarize,
  type Summary,
  type TableRatio,
  type TableStats,
  tableRatio,
  tableStats,
  TABLE_KEYS,
} from './stats';
export { applyWhatIf, parseWhatIf, WHAT_IFS } from './what-if';
