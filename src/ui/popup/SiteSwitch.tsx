import { useId } from 'preact/hooks';
import { t } from '../i18n';

export interface SiteSwitchProps {
  host: string;
  /** Whether the host is not on the deny list. */
  enabled: boolean;
  /** Highlighting is off everywhere (highlight mode "off"), whatever this switch says. */
  globallyOff: boolean;
  onChange: (enabled: boolean) => void;
}

/** "Highlight on this site": a labelled checkbox for the page's host (`input[name=site-enabled]`). */
export function SiteSwitch({ host, enabled, globallyOff, onChange }: SiteSwitchProps) {
  const id = useId();
  return (
    <div class="cc-site-switch">
      <input
        id={id}
        type="checkbox"
        name="site-enabled"
        checked={enabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id}>
        {t('popupSiteSwitch')} <span class="cc-muted">({host})</span>
      </label>
      {globallyOff && <p class="cc-muted cc-site-switch__note">{t('popupGloballyOff')}</p>}
    </div>
  );
}
