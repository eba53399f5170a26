/**
 * Helpers for Crosscheck's end-to-end tests: a fixture server, an egress
 * trap, and Chromium and Firefox launched with the built extension.
 */
export * from './browser-suite';
export * from './build-paths';
export * from './driven-browser';
export * from './egress-trap';
export * from './extension-browser';
export * from './fixture-server';
export * from './launch-chromium';
export * from './launch-firefox';
export * from './page-probes';
export * from './request-log';
export * from './seed-corpus';
export * from './temp-profile';
export * from './with-timeout';
