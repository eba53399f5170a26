import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from '../loopback-listen';
import type { ComposedPage } from './page-compose';

/** A local server for the benchmark's pages; nothing it serves leaves 127.0.0.1. */
export interface FixtureServer {
  url(path: string): string;
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A composed page as a news article would be served: navigation, the
 * article (headline and paragraphs), an aside and a footer, with no scripts
 * of its own, so every task on its main thread is the browser's or ours.
 */
export function articleHtml(page: ComposedPage, outlet = 'The Bench Courier'): string {
  const paragraphs = page.text
    .split(/\n{2,}/)
    .slice(1)
    .filter((p) => p.trim() !== '')
    .map((p) => `      <p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(page.title)} | ${escapeHtml(outlet)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
  <main>
    <article>
      <h1>${escapeHtml(page.title)}</h1>
      <p class="byline">By a staff reporter, ${escapeHtml(outlet)}</p>
${paragraphs}
    </article>
    <aside><h2>Most read</h2><ul><li>Markets close higher</li><li>Weather turns cold</li></ul></aside>
  </main>
  <footer><p>© ${escapeHtml(outlet)}. All rights reserved.</p></footer>
</body>
</html>
`;
}

/** Serves `pages` (path → HTML) on 127.0.0.1 at a free port. */
export async function serveFixtures(pages: ReadonlyMap<string, string>): Promise<FixtureServer> {
  const server = createServer((request, response) => {
    const body = pages.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(body);
  });
  const port = await listenOnLoopback(server);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => closeServer(server),
  };
}
