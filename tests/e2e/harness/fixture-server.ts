import { readFile, stat } from 'node:fs/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { FIXTURE_PAGES_DIR } from './build-paths';
import { closeServer, listenOnLoopback } from '../../../scripts/loopback-listen';

/** A canned answer for an ad-hoc route. */
export interface RouteResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Hold the whole response back this long, to imitate slow or late content. */
  delayMs?: number;
}

/** A canned answer, or a function that writes the response itself. */
export type RouteHandler =
  | RouteResponse
  | ((request: IncomingMessage, response: ServerResponse) => void | Promise<void>);

/** One request the fixture server received. */
export interface ServedRequest {
  method: string;
  /** The path without the query string. */
  pathname: string;
  /** The path with the query string, as the browser sent it. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** A static and scriptable web server on 127.0.0.1 for the browsers under test. */
export interface FixtureServer {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Every request received so far, in arrival order, including unknown paths. */
  readonly requests: readonly ServedRequest[];
  /** The absolute URL of `pathname` on this server. */
  url(pathname: string): string;
  /**
   * Answers `pathname` with `handler` instead of a file. A pattern ending in
   * `*` matches every path that starts with the part before it (for
   * single-page apps that pushState to many paths). Exact routes win over
   * patterns; later registrations win over earlier ones.
   */
  route(pattern: string, handler: RouteHandler): void;
  /** The requests received for `pathname`, ignoring query strings. */
  requestsFor(pathname: string): ServedRequest[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

/**
 * Starts a server on 127.0.0.1 at a random port that serves `root`
 * (tests/fixtures/pages by default), answers ad-hoc routes registered with
 * `route()`, and records every request it receives.
 */
export async function startFixtureServer(root: string = FIXTURE_PAGES_DIR): Promise<FixtureServer> {
  const requests: ServedRequest[] = [];
  const exactRoutes = new Map<string, RouteHandler>();
  const prefixRoutes: { prefix: string; handler: RouteHandler }[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const findRoute = (pathname: string): RouteHandler | undefined =>
    exactRoutes.get(pathname) ??
    prefixRoutes.findLast((candidate) => pathname.startsWith(candidate.prefix))?.handler;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    requests.push({
      method: request.method ?? 'GET',
      pathname,
      url: request.url ?? '/',
      headers: request.headers,
    });
    // Fixtures must be re-read by every test, never served from a browser cache.
    response.setHeader('cache-control', 'no-store');

    const handler = findRoute(pathname);
    if (typeof handler === 'function') return handler(request, response);
    if (handler) {
      if (handler.delayMs) await sleep(handler.delayMs);
      response.writeHead(handler.status ?? 200, {
        'content-type': CONTENT_TYPES['.html'],
        ...handler.headers,
      });
      response.end(handler.body ?? '');
      return;
    }
    await serveFile(root, pathname, response);
  };

  const server = http.createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  const port = await listenOnLoopback(server);
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    requests,
    url: (pathname) => new URL(pathname, origin).href,
    route(pattern, handler) {
      if (pattern.endsWith('*')) prefixRoutes.push({ prefix: pattern.slice(0, -1), handler });
      else exactRoutes.set(pattern, handler);
    },
    requestsFor: (pathname) => requests.filter((request) => request.pathname === pathname),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await closeServer(server);
    },
  };
}

async function serveFile(root: string, pathname: string, response: ServerResponse): Promise<void> {
  let file = path.join(root, pathname);
  // path.join normalises `..`; anything that ends up outside root is refused.
  if (file !== root && !file.startsWith(root + path.sep)) {
    response.writeHead(403, { 'content-type': 'text/plain' });
    response.end('Outside the fixture root.');
    return;
  }
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = path.join(file, 'index.html');
  const body = await readFile(file).catch(() => null);
  if (body === null) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end(`No fixture at ${pathname}.`);
    return;
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  response.writeHead(200, { 'content-type': type });
  response.end(body);
}
