/**
 * What every budget-check subcommand shares: where it writes, and how it reads its command line
 * (Node's util.parseArgs: `--name value`, `--name=value`, short flags, `--`).
 */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Runs a util.parseArgs call; a usage error (unknown option, missing value) comes back as its message. */
export function usageOr<T>(parse: () => T): T | string {
  try {
    return parse();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
