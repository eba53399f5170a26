import type { EgressAttempt } from './egress-trap';
import type { BrowserName } from './extension-browser';

/**
 * Google services that Chromium itself calls on start-up and in the
 * background (component and variations updates, sign-in), even with
 * --disable-background-networking. Crosscheck has no reason to contact any of
 * them, and requests made by its pages and service worker are recorded
 * separately (`ExtensionBrowser.requests`), so the trap catching these is
 * the browser's chatter, not a leak. Firefox needs no such list: its launch
 * settings silence it, so anything its trap catches is a leak.
 */
export const CHROMIUM_OWN_HOSTS: readonly string[] = [
  'accounts.google.com',
  'clients2.google.com',
  'clientservices.googleapis.com',
  'content-autofill.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'redirector.gvt1.com',
  'update.googleapis.com',
  'www.google.com',
];

/** The host an egress attempt was headed for: `host:port` of a tunnel, or the host of a URL. */
export function egressHost(attempt: EgressAttempt): string {
  if (attempt.kind === 'connect') return attempt.target.replace(/:\d+$/, '');
  try {
    return new URL(attempt.target).hostname;
  } catch {
    return attempt.target;
  }
}

/**
 * What the egress trap caught that the browser's own chatter does not
 * explain, as `METHOD target`: everything in Firefox, anything not for
 * CHROMIUM_OWN_HOSTS in Chromium.
 */
export function unexplainedEgress(browser: BrowserName, attempts: readonly EgressAttempt[]): string[] {
  return attempts
    .filter((attempt) => browser !== 'chromium' || !CHROMIUM_OWN_HOSTS.includes(egressHost(attempt)))
    .map((attempt) => `${attempt.method} ${attempt.target}`);
}
