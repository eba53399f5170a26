/**
 * Serves the demo news pages on 127.0.0.1 at a port the OS picks. Pages are
 * rendered once at start; nothing is read from disk per request.
 */
import http from 'node:http';
import { closeServer, listenOnLoopback } from '../loopback-listen';
import type { DemoArticle } from './demo-articles';
import { renderArticle, renderIndex, STYLESHEET_PATH } from './news-page';

/** A running demo server. */
export interface DemoServer {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** The absolute URL of a path on this server. */
  url(pathname: string): string;
  close(): Promise<void>;
}

interface Resource {
  type: string;
  body: string;
}

/** How many related links each page's aside shows. */
const RELATED_LINKS = 5;

/**
 * Starts the server for `articles`, with `/` listing them and `stylesheet`
 * (CSS text) at {@link STYLESHEET_PATH}. Related links favour pages of the
 * same kind, so another outlet's report links to other reports first.
 */
export async function startDemoServer(
  articles: readonly DemoArticle[],
  stylesheet: string,
): Promise<DemoServer> {
  const resources = new Map<string, Resource>();
  resources.set('/', { type: 'text/html; charset=utf-8', body: renderIndex(articles) });
  resources.set(STYLESHEET_PATH, { type: 'text/css; charset=utf-8', body: stylesheet });
  for (const article of articles) {
    const others = articles.filter((other) => other !== article);
    const related = [
      ...others.filter((other) => other.role !== 'unrelated'),
      ...others.filter((other) => other.role === 'unrelated'),
    ].slice(0, RELATED_LINKS);
    resources.set(article.path, { type: 'text/html; charset=utf-8', body: renderArticle(article, related) });
  }

  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const resource = resources.get(pathname);
    response.setHeader('cache-control', 'no-store');
    if (!resource || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not a demo page. The list is at /.');
      return;
    }
    response.writeHead(200, { 'content-type': resource.type });
    response.end(request.method === 'HEAD' ? undefined : resource.body);
  });

  const origin = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    close: () => closeServer(server),
  };
}
