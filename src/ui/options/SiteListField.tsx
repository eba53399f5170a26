import { useId, useState } from 'preact/hooks';
import { t } from '../i18n';
import { Section } from '../Section';
import { normalizeHost, withHost, withoutHost } from '../site-hosts';

export interface SiteListFieldProps {
  /** Which list, for `[data-site-list]` and field names. */
  list: 'allow' | 'deny';
  title: string;
  description: string;
  hosts: readonly string[];
  onChange: (hosts: string[]) => void;
}

/**
 * A list of sites with a remove button each and a form to add one; accepts a
 * host or a URL and stores the host. Items carry `data-host`.
 */
export function SiteListField({ list, title, description, hosts, onChange }: SiteListFieldProps) {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState(false);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(draft);
    setError(host === null);
    if (host === null) return;
    onChange(withHost(hosts, host));
    setDraft('');
  };
  return (
    <Section title={title} class="cc-section cc-site-list-field">
      {(headingId) => (
        <div data-site-list={list}>
          <p class="cc-hint">{description}</p>
          {hosts.length > 0 ? (
            <ul class="cc-site-list" aria-labelledby={headingId}>
              {hosts.map((host) => (
                <li key={host} data-host={host}>
                  <span>{host}</span>
                  <button type="button" class="cc-button" onClick={() => onChange(withoutHost(hosts, host))}>
                    {t('optionsRemoveSite', host)}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="cc-muted">{t('optionsNoSites')}</p>
          )}
          <form class="cc-row" onSubmit={onSubmit}>
            <label for={inputId}>{t('optionsAddSiteLabel')}</label>
            <input
              id={inputId}
              class="cc-input"
              type="text"
              name={`${list}-site`}
              autoComplete="off"
              spellcheck={false}
              placeholder={t('optionsSitePlaceholder')}
              value={draft}
              aria-invalid={error}
              aria-describedby={error ? `${inputId}-error` : undefined}
              onInput={(event) => {
                setDraft(event.currentTarget.value);
                setError(false);
              }}
            />
            <button type="submit" class="cc-button">
              {t('optionsAddSite')}
            </button>
          </form>
          {error && (
            <p id={`${inputId}-error`} class="cc-hint cc-error">
              {t('optionsSiteInvalid')}
            </p>
          )}
        </div>
      )}
    </Section>
  );
}
