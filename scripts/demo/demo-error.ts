/** A problem the user can fix, reported as one line without a stack. */
export class DemoError extends Error {
  override name = 'DemoError';
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
