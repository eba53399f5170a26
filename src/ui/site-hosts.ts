/** The host name of an http(s) page, which the site lists hold; null for other pages. */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/**
 * Turns what a user types into a site list ("Example.com", "https://example.com/news")
 * into a bare host name, or null when it is not one.
 */
export function normalizeHost(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const host = hostOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (host === null || host === '' || !/^[a-z0-9.[\]:-]+$/.test(host) || host.startsWith('.')) return null;
  return host;
}

/** The list with `host` added once, kept sorted so the options page reads stably. */
export function withHost(list: readonly string[], host: string): string[] {
  return list.includes(host) ? [...list] : [...list, host].sort();
}

/** The list without `host`. */
export function withoutHost(list: readonly string[], host: string): string[] {
  return list.filter((item) => item !== host);
}
