import { storage } from 'wxt/utils/storage';

/** How much of the page Crosscheck marks. */
export type HighlightMode = 'all' | 'evidence' | 'names' | 'off';

export interface Settings {
  highlightMode: HighlightMode;
  /** Milliseconds a pointer rests on a mark before its tooltip opens. */
  tooltipDelay: number;
  /** Hosts always checked, even when the page does not look like an article. */
  allowSites: string[];
  /** Hosts the user switched off ("highlight on this site" unticked). */
  denySites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  highlightMode: 'all',
  tooltipDelay: 300,
  allowSites: [],
  denySites: [],
};

const MODES: readonly HighlightMode[] = ['all', 'evidence', 'names', 'off'];

function hostList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((host): host is string => typeof host === 'string' && host.length > 0);
}

/**
 * Turns whatever storage holds (possibly corrupt or from an older version) into
 * valid settings, field by field, and says whether anything had to be reset.
 */
export function sanitizeSettings(stored: unknown): { settings: Settings; repaired: boolean } {
  if (stored === null || stored === undefined) return { settings: { ...DEFAULT_SETTINGS }, repaired: false };
  const record =
    typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const mode = MODES.find((m) => m === record.highlightMode);
  const delay = record.tooltipDelay;
  const settings: Settings = {
    highlightMode: mode ?? DEFAULT_SETTINGS.highlightMode,
    tooltipDelay:
      typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 && delay <= 5000
        ? delay
        : DEFAULT_SETTINGS.tooltipDelay,
    allowSites: hostList(record.allowSites) ?? [],
    denySites: hostList(record.denySites) ?? [],
  };
  const repaired =
    mode === undefined ||
    settings.tooltipDelay !== delay ||
    hostList(record.allowSites)?.length !==
      (Array.isArray(record.allowSites) ? record.allowSites.length : -1) ||
    hostList(record.denySites)?.length !== (Array.isArray(record.denySites) ? record.denySites.length : -1);
  return { settings, repaired };
}

/** The raw stored settings; read through `loadSettings` so corrupt values are repaired. */
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: null });

/**
 * Set when settings had to be repaired, until the options page has shown the
 * notice: the repair usually happens in a page's content script, where nobody
 * would see it.
 */
const repairNoticeItem = storage.defineItem<boolean>('local:settingsRepaired', { fallback: false });

/**
 * Reads settings, repairing (and re-saving) a corrupt stored value. Every
 * page's scan starts here, so it reads one storage item; the repair notice is
 * the options page's to read, with {@link takeRepairNotice}.
 */
export async function loadSettings(): Promise<{ settings: Settings; repaired: boolean }> {
  const result = sanitizeSettings(await settingsItem.getValue());
  if (result.repaired) {
    await settingsItem.setValue(result.settings);
    await repairNoticeItem.setValue(true);
  }
  return result;
}

/** Whether settings were repaired since the options page last said so; saying it now clears the notice. */
export async function takeRepairNotice(): Promise<boolean> {
  const pending = await repairNoticeItem.getValue();
  if (pending) await repairNoticeItem.setValue(false);
  return pending;
}

/** Merges a change into the stored settings. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = { ...settings, ...change };
  await settingsItem.setValue(next);
  return next;
}

/** Whether Crosscheck may mark pages on this host, by the user's lists. */
export function isSiteEnabled(settings: Settings, host: string): boolean {
  return settings.highlightMode !== 'off' && !settings.denySites.includes(host);
}
