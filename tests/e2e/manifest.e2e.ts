import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, GECKO_ID, requireBuild } from './harness';

// Facts about the built manifests that the stores and the browsers rely on.
// They live with the end-to-end tests because they read `npm run build`'s output.

const ICON_SIZES = [16, 32, 48, 96, 128];

interface BuiltManifest {
  manifest_version: number;
  name: string;
  version: string;
  default_locale?: string;
  permissions?: string[];
  host_permissions?: string[];
  icons?: Record<string, string>;
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  content_scripts?: { matches: string[]; js?: string[] }[];
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } };
  };
}

function readManifest(dir: string): BuiltManifest {
  return JSON.parse(readFileSync(path.join(requireBuild(dir), 'manifest.json'), 'utf8'));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.each([
  { build: 'chrome-mv3', dir: CHROME_BUILD_DIR },
  { build: 'firefox-mv2', dir: FIREFOX_BUILD_DIR },
])('$build manifest', ({ dir }) => {
  const manifest = readManifest(dir);

  test('is version 0.1.0 with a localised name that resolves', () => {
    expect(manifest.version).toBe('0.1.0');
    const key = manifest.name.match(/^__MSG_(\w+)__$/)?.[1];
    expect(key).toBeDefined();
    const messages = JSON.parse(
      readFileSync(path.join(dir, '_locales', manifest.default_locale ?? 'en', 'messages.json'), 'utf8'),
    );
    expect(messages[key ?? '']?.message).toBe('Crosscheck');
  });

  test.each(ICON_SIZES)('has a %ipx icon of that size', (size) => {
    const icon = manifest.icons?.[String(size)];
    expect(icon).toBeDefined();
    expect(pngSize(path.join(dir, icon ?? ''))).toEqual({ width: size, height: size });
  });

  test('asks only for storage, with no host permissions', () => {
    // README.md, "Permissions", promises exactly this; change both together.
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
  });

  test('injects a content script that exists on http and https pages', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [script] = manifest.content_scripts ?? [];
    expect(script?.matches).toEqual(['http://*/*', 'https://*/*']);
    for (const file of script?.js ?? []) expect(existsSync(path.join(dir, file))).toBe(true);
    expect(script?.js?.length).toBeGreaterThan(0);
  });
});

describe('chrome-mv3 manifest', () => {
  const manifest = readManifest(CHROME_BUILD_DIR);

  test('is Manifest V3 with a service-worker background and an action popup', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background?.service_worker).toBeDefined();
    expect(existsSync(path.join(CHROME_BUILD_DIR, manifest.background?.service_worker ?? ''))).toBe(true);
    expect(manifest.action?.default_popup).toBe('popup.html');
    expect(existsSync(path.join(CHROME_BUILD_DIR, 'popup.html'))).toBe(true);
  });

  test('carries no browser_specific_settings, which Chrome warns about', () => {
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });
});

describe('firefox-mv2 manifest', () => {
  const manifest = readManifest(FIREFOX_BUILD_DIR);

  test('names the gecko id and declares that no data is collected', () => {
    expect(manifest.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({
      required: ['none'],
    });
  });

  test('is Manifest V2 with background scripts and a browser-action popup', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.background?.scripts?.length).toBeGreaterThan(0);
    expect(manifest.browser_action?.default_popup).toBe('popup.html');
    expect(existsSync(path.join(FIREFOX_BUILD_DIR, 'popup.html'))).toBe(true);
  });
});
