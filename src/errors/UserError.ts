/**
 * An error caused by the user's input or environment (a bad input, a malformed budgets file, no Chrome).
 * Its message is complete and actionable; it is shown as is, never with a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** The message to show for any thrown value, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
