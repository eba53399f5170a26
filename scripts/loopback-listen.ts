import type { Server } from 'node:http';

/**
 * Starts `server` on 127.0.0.1 at a port the OS picks, and returns the port.
 * Random ports let several runs share a machine.
 */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('Expected a TCP server on 127.0.0.1.');
  }
  return address.port;
}

/** Stops `server`, cutting open keep-alive connections instead of waiting for them. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
