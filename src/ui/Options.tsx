import { useEffect, useState } from 'preact/hooks';
import type { CorpusInfo } from '../engine/types';
import { popupToBackground } from '../messaging/protocol';
import {
  loadSettings,
  sanitizeSettings,
  settingsItem,
  updateSettings,
  type Settings,
} from '../settings/settings';
import { t } from './i18n';
import type { CorpusAction } from './options/CorpusPanel';
import { OptionsView } from './options/OptionsView';

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

  useEffect(() => {
    document.title = t('optionsDocumentTitle');
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setRepaired(loaded.repaired);
    });
    void popupToBackground
      .sendMessage('getCorpusInfo', undefined)
      .then(setCorpus)
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
      onSettingsChange={(change) => void updateSettings(change).then(setSettings)}
      onImport={(file) => void onImport(file)}
      onReset={() => void onReset()}
    />
  );
}
