import type { HighlightMode } from '../../settings/settings';
import { t, type MessageKey } from '../i18n';

export interface HighlightModeFieldProps {
  value: HighlightMode;
  onChange: (mode: HighlightMode) => void;
}

const MODES: ReadonlyArray<{ mode: HighlightMode; label: MessageKey }> = [
  { mode: 'all', label: 'optionsModeAll' },
  { mode: 'evidence', label: 'optionsModeEvidence' },
  { mode: 'names', label: 'optionsModeNames' },
  { mode: 'off', label: 'optionsModeOff' },
];

/** The highlight mode as a radio group (`input[name=highlight-mode][value=…]`). */
export function HighlightModeField({ value, onChange }: HighlightModeFieldProps) {
  return (
    <fieldset class="cc-fieldset">
      <legend>{t('optionsModeLegend')}</legend>
      {MODES.map(({ mode, label }) => (
        <div class="cc-field" key={mode}>
          <label>
            <input
              type="radio"
              name="highlight-mode"
              value={mode}
              checked={value === mode}
              onChange={() => onChange(mode)}
            />
            {t(label)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
