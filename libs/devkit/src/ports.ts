import { AddressInfo, createServer } from 'node:net';

/** `preferred` when it is free (stable URLs between runs of `npm start`), else any free port on 127.0.0.1. */
export async function freePort(preferred = 0): Promise<number> {
  if (preferred) {
    const port = await listenOnce(preferred, '127.0.0.1').catch(() => undefined);
    if (port) return port;
  }
  return listenOnce(0, '127.0.0.1');
}

/**
 * Whether a server could listen on `port` now. Without a host it tries every address, as the API and the worker's
 * health server listen: a port taken on any one of them is taken.
 */
export async function isPortFree(port: number, host?: string): Promise<boolean> {
  return listenOnce(port, host).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') return false;
      throw error;
    },
  );
}

function listenOnce(port: number, host: string | undefined): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      server.close(() => done(bound));
    });
  });
}
