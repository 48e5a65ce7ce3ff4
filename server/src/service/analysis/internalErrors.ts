/**
 * A bug of the checker met while analysing a document. It is never a finding about the
 * document (that would blame the author) and never silence (that would read as "checked"):
 * the rule it happened in ends as `internal-error` in the ledger, the CLI prints the stack on
 * stderr and exits with its own status, the server writes the stack to its log.
 */
export interface InternalError {
  /** What was running: a rule id, or `prose` for the reader of the narrative. */
  readonly where: string;
  readonly message: string;
  readonly stack?: string;
}

export function internalError(where: string, error: unknown): InternalError {
  if (error instanceof Error) return { where, message: `${error.name}: ${error.message}`, stack: error.stack };
  return { where, message: String(error) };
}

/** The stack (or message) of an internal error, for stderr and server logs — never for findings. */
export function describeInternalError(error: InternalError): string {
  return `${error.where}: ${error.stack ?? error.message}`;
}

/**
 * Thrown by a derived result that failed before (the prose reading): every rule that needs it
 * ends as internal-error too, and the failure is recorded once, where it happened.
 */
export class DependencyFailed extends Error {
  constructor(readonly dependency: string) {
    super(`${dependency} failed`);
    this.name = 'DependencyFailed';
  }
}
