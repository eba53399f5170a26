import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  startEgressTrap,
  startFixtureServer,
  staysOnMachine,
  type EgressTrap,
  type FixtureServer,
} from './harness';

// The harness is what later tests trust to say "nothing left the machine" or
// "the page got this header", so its own behaviour is checked here, without browsers.

describe('fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  test('serves fixture pages from 127.0.0.1 as HTML', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(server.url('/article-basic.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<article>');
  });

  test('answers 404 for a missing page and refuses paths outside the fixture root', async () => {
    expect((await fetch(server.url('/no-such-page.html'))).status).toBe(404);
    // fetch() would normalise `..` away; a raw request sends the encoded slashes as they are.
    expect(await rawStatus(server.url('/..%2f..%2f..%2fpackage.json'))).toBe(403);
  });

  test('records every request, query strings included', async () => {
    const before = server.requests.length;
    await fetch(server.url('/article-basic.html?probe=1'));
    await fetch(server.url('/missing.css'));
    expect(server.requests.slice(before).map((request) => request.url)).toEqual([
      '/article-basic.html?probe=1',
      '/missing.css',
    ]);
    expect(server.requestsFor('/article-basic.html').some((request) => request.url.endsWith('probe=1'))).toBe(
      true,
    );
  });

  test('ad-hoc routes set headers, status and body', async () => {
    server.route('/strict-csp.html', {
      headers: { 'content-security-policy': "default-src 'none'" },
      body: '<p>locked down</p>',
    });
    const response = await fetch(server.url('/strict-csp.html'));
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await response.text()).toBe('<p>locked down</p>');
  });

  test('a delayed route holds its response back', async () => {
    server.route('/late.html', { body: 'late', delayMs: 300 });
    const started = performance.now();
    expect(await (await fetch(server.url('/late.html'))).text()).toBe('late');
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  test('a pattern route answers every path under it, and exact routes win', async () => {
    server.route('/app/*', (request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`app shell for ${request.url}`);
    });
    server.route('/app/special', { body: 'special' });
    expect(await (await fetch(server.url('/app/story/42'))).text()).toBe('app shell for /app/story/42');
    expect(await (await fetch(server.url('/app/special'))).text()).toBe('special');
  });
});

describe('egress trap', () => {
  let trap: EgressTrap;
  beforeAll(async () => {
    trap = await startEgressTrap();
  });
  afterAll(() => trap.close());

  test('records and refuses a proxied request', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: trap.port, method: 'GET', path: 'http://example.invalid/x' },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(502);
    expect(trap.attempts).toContainEqual({ kind: 'http', method: 'GET', target: 'http://example.invalid/x' });
  });

  test('records and refuses an HTTPS tunnel', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1',
        port: trap.port,
        method: 'CONNECT',
        path: 'example.invalid:443',
      });
      request.on('connect', (response, socket) => {
        socket.destroy();
        resolve(response.statusCode);
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(502);
    expect(trap.attempts).toContainEqual({
      kind: 'connect',
      method: 'CONNECT',
      target: 'example.invalid:443',
    });
  });
});

describe('staysOnMachine', () => {
  test.each([
    ['http://127.0.0.1:8080/a', true],
    ['http://127.1.2.3/', true],
    ['http://localhost:3000/', true],
    ['http://[::1]:3000/', true],
    ['chrome-extension://abc/popup.html', true],
    ['moz-extension://abc/popup.html', true],
    ['data:text/plain,hi', true],
    ['https://example.com/', false],
    ['http://127.0.0.1.example.com/', false],
    ['http://10.0.0.1/', false],
    ['wss://example.com/socket', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(staysOnMachine(url)).toBe(expected);
  });
});

/** The status of a GET sent with its path untouched, unlike fetch(). */
function rawStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
  });
}
