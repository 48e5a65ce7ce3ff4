import { t } from '../service/i18n/l10n';

/**
 * What every budget-check subcommand shares: where it writes, and how it reads its command line
 * (Node's util.parseArgs: `--name value`, `--name=value`, short flags, `--`).
 */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown there); false when not said. */
  readonly stderrIsTTY?: boolean;
}

/**
 * Runs a util.parseArgs call; a usage error (unknown option, missing value) comes back as a plain
 * localised sentence, not as Node's English message.
 */
export function usageOr<T>(parse: () => T): T | string {
  try {
    return parse();
  } catch (error) {
    return usageErrorText(error);
  }
}

function usageErrorText(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, '').replace(/^-\w, /, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return t('unknown option {0}', option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /does not take/.test(message)) return t('the option {0} takes no value', option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return t('the option {0} needs a value', option);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return t('unexpected argument');
  return t('the command line cannot be read');
}

/** `--help` or `-h` before any `--`: the user asks how to call the command. */
export function isHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
