/**
 * `npm run demo`: builds the extension, serves demo news pages on 127.0.0.1,
 * opens them in Chromium with Crosscheck loaded and writes the README's
 * screenshots to docs/. With a display the browser stays open to play with
 * until Ctrl+C; without one it runs headless and exits.
 *
 *   npm run demo                 build, serve, screenshot
 *   npm run demo -- --no-build   reuse the last build
 *
 * CROSSCHECK_OUT_DIR moves the build (as for `npm run build`), so a demo can
 * run beside another build without overwriting it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDemoArticles, type DemoArticle } from './demo/demo-articles';
import { checkPrerequisites, launchDemoBrowser, type DemoBrowser } from './demo/demo-browser';
import { DemoError, firstLine } from './demo/demo-error';
import { startDemoServer, type DemoServer } from './demo/demo-server';
import { takeScreenshots } from './demo/screenshots';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS_DIR = path.join(ROOT, 'docs');
const STYLESHEET = path.join(ROOT, 'data/demo-pages/news.css');

function usage(): string {
  return [
    'Usage: npm run demo [-- --no-build]',
    '',
    '  --no-build   use the existing build instead of running npm run build',
    '  --help       show this help',
    '',
    'Builds Crosscheck, serves demo news pages on 127.0.0.1, loads the extension in',
    'Chromium and writes screenshots to docs/. Headed when DISPLAY is set (Ctrl+C to quit),',
    'headless otherwise. CROSSCHECK_OUT_DIR picks the build folder (default .output).',
  ].join('\n');
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('error', (error) => reject(new DemoError(`Could not run npm run build: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new DemoError(`npm run build failed (${signal ?? `exit code ${code}`}); see the output above.`),
        );
    });
  });
}

/** The page the screenshots show: the first other outlet's report, which is not in the corpus. */
function screenshotArticle(articles: readonly DemoArticle[]): DemoArticle {
  const article = articles.find((a) => a.role === 'other-outlet');
  if (!article) throw new DemoError('data/demo-pages/pages.json lists no "other-outlet" page to screenshot.');
  return article;
}

function printPages(server: DemoServer, articles: readonly DemoArticle[]): void {
  console.log(`\nDemo news pages on ${server.origin}:`);
  console.log(`  ${server.url('/')}  (index)`);
  for (const article of articles) {
    console.log(`  ${server.url(article.path)}  (${article.outlet}, ${article.role})`);
  }
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function run(): Promise<number> {
  let parsed: { 'no-build'?: boolean; help?: boolean };
  try {
    parsed = parseArgs({
      options: { 'no-build': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    console.error(`demo: ${firstLine(error)}\n\n${usage()}`);
    return 2;
  }
  if (parsed.help) {
    console.log(usage());
    return 0;
  }

  const started = Date.now();
  const outDir = path.resolve(ROOT, process.env.CROSSCHECK_OUT_DIR || '.output');
  const extensionDir = path.join(outDir, 'chrome-mv3');
  const headless = !process.env.DISPLAY;
  let server: DemoServer | undefined;
  let session: DemoBrowser | undefined;
  try {
    if (!parsed['no-build']) await runBuild();
    checkPrerequisites(extensionDir);

    const articles = loadDemoArticles(ROOT);
    server = await startDemoServer(articles, readFileSync(STYLESHEET, 'utf8'));
    printPages(server, articles);

    const shown = screenshotArticle(articles);
    console.log(
      `\nStarting Chromium (${headless ? 'headless' : 'headed'}) with ${path.relative(ROOT, extensionDir)}…`,
    );
    session = await launchDemoBrowser(extensionDir, headless);
    const { shots, warnings } = await takeScreenshots(session, server.url(shown.path), DOCS_DIR);

    console.log(`\nScreenshots of ${shown.outlet}, “${shown.title}”:`);
    for (const shot of shots) {
      console.log(`  ${path.relative(ROOT, shot.file)}  ${Math.round(shot.bytes / 1024)} KB`);
    }
    for (const warning of warnings) console.warn(`  warning: ${warning}`);
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    if (!headless) {
      const index = await session.context.newPage();
      await index.goto(server.url('/'));
      console.log('\nThe browser stays open with the demo pages. Press Ctrl+C to quit.');
      await Promise.race([untilInterrupted(), session.context.waitForEvent('close', { timeout: 0 })]);
      console.log('Closing the demo browser.');
    }
    return 0;
  } catch (error) {
    console.error(`demo: ${firstLine(error)}`);
    return 1;
  } finally {
    await session?.close().catch(() => undefined);
    await server?.close();
  }
}

process.exitCode = await run();
