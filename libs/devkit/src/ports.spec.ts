import { createServer, Server } from 'node:net';
import { freePort, isPortFree } from './ports';

function listen(port: number, host?: string): Promise<Server> {
  const server = createServer();
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

describe('ports', () => {
  it('gives the preferred port when it is free, and another one when it is taken', async () => {
    const preferred = await freePort();
    expect(await freePort(preferred)).toBe(preferred);
    const server = await listen(preferred, '127.0.0.1');
    try {
      const other = await freePort(preferred);
      expect(other).not.toBe(preferred);
      expect(other).toBeGreaterThan(0);
    } finally {
      server.close();
    }
  });

  it('counts a port taken on any address as taken', async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    const server = await listen(port, '127.0.0.1');
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      server.close();
    }
  });
});
