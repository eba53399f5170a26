/**
 * Helpers for Crosscheck's end-to-end tests: a fixture server, an egress
 * trap, and Chromium and Firefox launched with the built extension.
 */
export * from './build-paths';
export * from './egress-trap';
export * from './extension-browser';
export * from './fixture-server';
export * from './launch-chromium';
export * from './launch-firefox';
export * from './request-log';
export * from './temp-profile';
export * from './with-timeout';
