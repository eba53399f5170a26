import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../i18n';

/** The delay range the settings store accepts. */
export const MAX_TOOLTIP_DELAY = 5000;

export interface TooltipDelayFieldProps {
  /** Milliseconds. */
  value: number;
  onChange: (ms: number) => void;
}

/** Parses the delay field: a whole number of milliseconds from 0 to 5000, else null. */
export function parseDelay(input: string): number | null {
  if (!/^\s*\d+\s*$/.test(input)) return null;
  const ms = Number(input);
  return ms <= MAX_TOOLTIP_DELAY ? ms : null;
}

/** The tooltip delay in milliseconds (`input[name=tooltip-delay]`), saved when a valid value is committed. */
export function TooltipDelayField({ value, onChange }: TooltipDelayFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(String(value)), [value]);
  return (
    <div class="cc-field">
      <label for={id}>{t('optionsDelayLabel')}</label>{' '}
      <input
        id={id}
        class="cc-input"
        type="number"
        name="tooltip-delay"
        min={0}
        max={MAX_TOOLTIP_DELAY}
        step={50}
        value={text}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={(event) => {
          const ms = parseDelay(event.currentTarget.value);
          setInvalid(ms === null);
          if (ms !== null) onChange(ms);
        }}
      />
      <p id={`${id}-hint`} class={invalid ? 'cc-hint cc-error' : 'cc-hint'}>
        {invalid ? t('optionsDelayInvalid') : t('optionsDelayHint')}
      </p>
    </div>
  );
}
