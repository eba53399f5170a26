import { useId } from 'preact/hooks';
import type { CorpusInfo } from '../../engine/types';
import { DateText } from '../DateText';
import { t, tCount } from '../i18n';

/** Where an import or reset stands, shown in the panel's live region. */
export type CorpusAction =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'imported'; articles: number }
  | { kind: 'reset' }
  | { kind: 'error'; message: string }
  /** The background could not say which corpus is in use. */
  | { kind: 'unavailable'; message: string };

export interface CorpusPanelProps {
  /** null while loading. */
  info: CorpusInfo | null;
  action: CorpusAction;
  /** Shown above the corpus, e.g. that an unreadable imported corpus was replaced by the bundled one. */
  notice?: string;
  onImport: (file: File) => void;
  onReset: () => void;
}

/** An error message without its closing full stop: the localised sentence around it supplies one. */
function clause(message: string): string {
  return message.replace(/[\s.]+$/, '');
}

function actionText(action: CorpusAction): string {
  switch (action.kind) {
    case 'idle':
      return '';
    case 'busy':
      return t('optionsImportBusy');
    case 'imported':
      return tCount(action.articles, 'optionsImportOkOne', 'optionsImportOkMany');
    case 'reset':
      return t('optionsResetDone');
    case 'unavailable':
      return t('optionsCorpusUnavailable', clause(action.message));
    case 'error':
      return `${t('optionsImportFailed', clause(action.message))} ${t('optionsCorpusKept')}`;
  }
}

/**
 * The corpus in use (source, counts and a table of its articles) with import
 * of a `corpus.json` (`input[name=corpus-file]`) and reset to the bundled one.
 * The outcome is announced in `[data-corpus-action]` (idle, busy, imported,
 * reset, error or unavailable).
 */
export function CorpusPanel({ info, action, notice, onImport, onReset }: CorpusPanelProps) {
  const fileId = useId();
  return (
    <>
      {notice && (
        <p class="cc-notice" data-tone="error" data-corpus-notice>
          {notice}
        </p>
      )}
      {info === null ? (
        action.kind !== 'unavailable' && <p class="cc-muted">{t('optionsLoading')}</p>
      ) : (
        <>
          <p data-corpus-source={info.source}>
            {info.source === 'bundled' ? t('optionsCorpusBundled') : t('optionsCorpusImported')}{' '}
            {t('optionsCorpusCounts', [
              String(info.articles.length),
              String(info.statements),
              String(info.relations),
            ])}
          </p>
          {info.articles.length > 0 && (
            <table class="cc-table" data-corpus-articles>
              <caption>{t('optionsCorpusCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('optionsColOutlet')}</th>
                  <th scope="col">{t('optionsColTitle')}</th>
                  <th scope="col">{t('optionsColDate')}</th>
                </tr>
              </thead>
              <tbody>
                {info.articles.map((article) => (
                  <tr key={article.id} data-article-id={article.id}>
                    <td>{article.outlet}</td>
                    <td>{article.title}</td>
                    <td>
                      <DateText date={article.published} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <div class="cc-field">
        <label for={fileId}>{t('optionsImportLabel')}</label>
        <p id={`${fileId}-hint`} class="cc-hint">
          {t('optionsImportHint')}
        </p>
        <input
          id={fileId}
          type="file"
          name="corpus-file"
          accept=".json,application/json"
          aria-describedby={`${fileId}-hint`}
          disabled={action.kind === 'busy'}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Clear the field so choosing the same file again still fires a change.
            input.value = '';
            if (file) onImport(file);
          }}
        />
      </div>
      <p>
        <button
          type="button"
          class="cc-button"
          disabled={action.kind === 'busy' || info?.source === 'bundled'}
          onClick={onReset}
        >
          {t('optionsReset')}
        </button>
      </p>
      <p
        role="status"
        class={`cc-notice${action.kind === 'idle' ? ' cc-visually-hidden' : ''}`}
        data-tone={
          action.kind === 'error' || action.kind === 'unavailable'
            ? 'error'
            : action.kind === 'idle'
              ? undefined
              : 'success'
        }
        data-corpus-action={action.kind}
      >
        {actionText(action)}
      </p>
    </>
  );
}
