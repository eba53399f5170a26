import type { CorpusInfo } from '../../engine/types';
import type { Settings } from '../../settings/settings';
import { t } from '../i18n';
import { Section } from '../Section';
import { CorpusPanel, type CorpusAction } from './CorpusPanel';
import { HighlightModeField } from './HighlightModeField';
import { SiteListField } from './SiteListField';
import { TooltipDelayField } from './TooltipDelayField';

export interface OptionsViewProps {
  /** null while loading. */
  settings: Settings | null;
  /** Stored settings were corrupt and have been reset field by field. */
  repaired: boolean;
  corpus: CorpusInfo | null;
  corpusAction: CorpusAction;
  /** Why the corpus in use changed without the user asking (e.g. a stored corpus was unreadable). */
  corpusNotice?: string;
  /** The keys of the show/hide highlights command; null when none is set, undefined when unknown. */
  shortcut?: string | null;
  onSettingsChange: (change: Partial<Settings>) => void;
  onImport: (file: File) => void;
  onReset: () => void;
}

/** The options page: highlighting, tooltip delay, site lists and the corpus. Presentational. */
export function OptionsView(props: OptionsViewProps) {
  const { settings, onSettingsChange } = props;
  return (
    <main class="cc-options">
      <h1>{t('optionsTitle')}</h1>
      {props.repaired && (
        <p class="cc-notice" data-tone="error" role="status" data-settings-repaired>
          {t('optionsRepaired')}
        </p>
      )}
      {settings === null ? (
        <p role="status">{t('optionsLoading')}</p>
      ) : (
        <>
          <p class="cc-hint">{t('optionsAutosave')}</p>
          <Section title={t('optionsHighlightHeading')}>
            {() => (
              <>
                <HighlightModeField
                  value={settings.highlightMode}
                  onChange={(highlightMode) => onSettingsChange({ highlightMode })}
                />
                <TooltipDelayField
                  value={settings.tooltipDelay}
                  onChange={(tooltipDelay) => onSettingsChange({ tooltipDelay })}
                />
                {props.shortcut !== undefined && (
                  <p class="cc-hint" data-shortcut={props.shortcut ?? ''}>
                    {props.shortcut ? t('optionsShortcut', props.shortcut) : t('optionsShortcutUnset')}
                  </p>
                )}
              </>
            )}
          </Section>
          <SiteListField
            list="allow"
            title={t('optionsAllowHeading')}
            description={t('optionsAllowHint')}
            hosts={settings.allowSites}
            onChange={(allowSites) => onSettingsChange({ allowSites })}
          />
          <SiteListField
            list="deny"
            title={t('optionsDenyHeading')}
            description={t('optionsDenyHint')}
            hosts={settings.denySites}
            onChange={(denySites) => onSettingsChange({ denySites })}
          />
        </>
      )}
      <Section title={t('optionsCorpusHeading')}>
        {() => (
          <CorpusPanel
            info={props.corpus}
            action={props.corpusAction}
            notice={props.corpusNotice}
            onImport={props.onImport}
            onReset={props.onReset}
          />
        )}
      </Section>
    </main>
  );
}
