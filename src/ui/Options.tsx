import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CorpusInfo } from '../engine/types';
import { popupToBackground } from '../messaging/protocol';
import {
  loadSettings,
  sanitizeSettings,
  settingsItem,
  takeRepairNotice,
  updateSettings,
  type Settings,
} from '../settings/settings';
import { t } from './i18n';
import type { CorpusAction } from './options/CorpusPanel';
import { OptionsView } from './options/OptionsView';

/** The manifest command (see wxt.config.ts) that shows or hides the marks. */
const TOGGLE_COMMAND = 'toggle-highlights';

async function toggleShortcut(): Promise<string | null | undefined> {
  try {
    const commands = await browser.commands.getAll();
    const command = commands.find((candidate) => candidate.name === TOGGLE_COMMAND);
    return command ? command.shortcut || null : undefined;
  } catch {
    // No commands API here (or no such command): say nothing rather than something wrong.
    return undefined;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The options page: loads settings (noting a repair) and the corpus in use,
 * follows settings changed elsewhere (the popup's site switch), and wires
 * imports and resets to the background. All rendering is in `OptionsView`.
 */
export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [repaired, setRepaired] = useState(false);
  const [corpus, setCorpus] = useState<CorpusInfo | null>(null);
  const [corpusAction, setCorpusAction] = useState<CorpusAction>({ kind: 'idle' });
  const [corpusNotice, setCorpusNotice] = useState<string | undefined>(undefined);
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    document.title = t('optionsDocumentTitle');
    void loadSettings()
      .then((loaded) => {
        setSettings(loaded.settings);
        // After the read, which raises the notice itself when it had to repair.
        return takeRepairNotice();
      })
      .then(setRepaired);
    void toggleShortcut().then(setShortcut);
    void popupToBackground
      .sendMessage('getCorpusInfo', undefined)
      .then((info) => {
        setCorpus(info);
        setCorpusNotice(info.notice);
      })
      .catch((error: unknown) => setCorpusAction({ kind: 'unavailable', message: errorText(error) }));
    return settingsItem.watch((stored) => setSettings(sanitizeSettings(stored).settings));
  }, []);

  const onImport = async (file: File) => {
    setCorpusAction({ kind: 'busy' });
    try {
      const result = await popupToBackground.sendMessage('importCorpus', { json: await file.text() });
      if (result.ok) {
        setCorpus(result.info);
        setCorpusAction({ kind: 'imported', articles: result.info.articles.length });
      } else {
        setCorpusAction({ kind: 'error', message: result.error });
      }
    } catch (error) {
      setCorpusAction({ kind: 'error', message: errorText(error) });
    }
  };

  const onReset = async () => {
    setCorpusAction({ kind: 'busy' });
    try {
      setCorpus(await popupToBackground.sendMessage('resetCorpus', undefined));
      setCorpusAction({ kind: 'reset' });
    } catch (error) {
      setCorpusAction({ kind: 'error', message: errorText(error) });
    }
  };

  return (
    <OptionsView
      settings={settings}
      repaired={repaired}
      corpus={corpus}
      corpusAction={corpusAction}
      corpusNotice={corpusNotice}
      shortcut={shortcut}
      onSettingsChange={(change) => void updateSettings(change).then(setSettings)}
      onImport={(file) => void onImport(file)}
      onReset={() => void onReset()}
    />
  );
}
