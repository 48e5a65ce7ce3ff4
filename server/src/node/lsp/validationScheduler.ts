/** Set when newer work for the same document has been scheduled; the older work then stops. */
export interface WorkToken {
  readonly cancelled: boolean;
}

export type ValidationJob = (uri: string, token: WorkToken) => Promise<void>;

interface Pending {
  timer?: ReturnType<typeof setTimeout>;
  token: { cancelled: boolean };
}

/**
 * Debounced validation per document. Scheduling again restarts the delay and cancels the
 * token of any job still running for that document, so results of an outdated version are
 * never published: the job checks its token between its steps.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly job: ValidationJob, private readonly onError: (uri: string, error: unknown) => void) {}

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const token = { cancelled: false };
    const entry: Pending = { token };
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.job(uri, token)
        .catch((error) => this.onError(uri, error))
        .finally(() => {
          if (this.pending.get(uri) === entry) this.pending.delete(uri);
        });
    }, Math.max(0, delayMs));
    this.pending.set(uri, entry);
  }

  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.token.cancelled = true;
    this.pending.delete(uri);
  }

  cancelAll(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }
}

/** Lets queued messages (newer edits, cancellations) in before the next step of a long job. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
