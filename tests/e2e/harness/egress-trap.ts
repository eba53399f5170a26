import http from 'node:http';
import { closeServer, listenOnLoopback } from '../../../scripts/loopback-listen';

/** A connection a browser tried to make past loopback, caught by the trap. */
export interface EgressAttempt {
  /** `connect` for HTTPS/WSS tunnels, `http` for plain requests. */
  kind: 'connect' | 'http';
  method: string;
  /** `host:port` for tunnels, the absolute URL for plain requests. */
  target: string;
}

/** A local HTTP proxy that refuses everything and remembers what was asked. */
export interface EgressTrap {
  /** `127.0.0.1:PORT`, for the browser's proxy settings. */
  readonly hostPort: string;
  readonly port: number;
  readonly attempts: readonly EgressAttempt[];
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 for the test browsers. Browsers skip proxies
 * for loopback, so the fixture server is reached directly, while anything
 * bound for another host (the browser's own update or telemetry chatter, or
 * a leak from the extension) lands here, is recorded and gets a 502. No test
 * run can reach the internet, and a test can check that nothing tried.
 */
export async function startEgressTrap(): Promise<EgressTrap> {
  const attempts: EgressAttempt[] = [];
  const server = http.createServer((request, response) => {
    attempts.push({ kind: 'http', method: request.method ?? 'GET', target: request.url ?? '' });
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end('Blocked by the Crosscheck test egress trap.');
  });
  server.on('connect', (request, socket) => {
    attempts.push({ kind: 'connect', method: 'CONNECT', target: request.url ?? '' });
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n');
  });
  const port = await listenOnLoopback(server);
  return {
    hostPort: `127.0.0.1:${port}`,
    port,
    attempts,
    close: () => closeServer(server),
  };
}
