import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox reads its add-on id and data-collection declaration from here; Chrome
// rejects unknown keys, so they are added for Firefox builds only.
const GECKO_ID = 'crosscheck@crosscheck.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleHighlights__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
