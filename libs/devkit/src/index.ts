// @app/devkit: what the launcher, the simulator, the benches and the tests need to run the service as child
// processes on this machine. A leaf: it imports nothing of NestJS or of the other libs.
export { onCleanup, runMain, UsageError } from './cleanup';
export { HttpClient, type HttpClientOptions, HttpError, type HttpResponse } from './http';
export { freePort, isPortFree } from './ports';
export { type Exit, ManagedProcess, type SpawnOptions, spawnNode, type StopResult } from './processes';
export { createDatabase, deleteKeys, dropDatabase, masked } from './scratch';
export { delay, waitUntil, type WaitOptions } from './wait';
