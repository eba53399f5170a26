/** One request that a browser made, as a test wants to see it. */
export interface RecordedRequest {
  url: string;
  method: string;
  /** Who asked: a page's URL, or `service-worker` / `background` for the extension. */
  initiator: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/**
 * True when `url` cannot leave this machine: loopback HTTP(S)/WS, or a scheme
 * that never touches the network (extension pages, data:, blob:, about:).
 */
export function staysOnMachine(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol)) return true;
  const host = parsed.hostname;
  return LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The requests in `requests` that were headed off the machine. */
export function leavingMachine<T extends { url: string }>(requests: readonly T[]): T[] {
  return requests.filter((request) => !staysOnMachine(request.url));
}
