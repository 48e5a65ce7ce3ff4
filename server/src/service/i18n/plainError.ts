import { t } from './l10n';

/**
 * What a person is told when something went wrong: a plain, localised sentence, never the
 * internal English of an exception ("Cannot read properties of undefined", "Maximum call stack
 * size exceeded", "EACCES: permission denied, scandir …"). The internal detail (the stack) goes
 * to the log only: stderr for the command line, the server's log for the language server.
 *
 * Pure: errors are recognised by their `code` (Node's errno names) and class, nothing is read.
 */

/** An error whose message was written for the user (already localised): shown as it is. */
export class PlainError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message);
    this.name = 'PlainError';
  }
}

const FILE_REASONS: Readonly<Record<string, () => string>> = {
  ENOENT: () => t('it does not exist'),
  ENOTDIR: () => t('a part of the path is a file, not a folder'),
  EACCES: () => t('permission denied'),
  EPERM: () => t('permission denied'),
  EISDIR: () => t('it is a folder, not a file'),
  ELOOP: () => t('too many levels of symbolic links'),
  ENAMETOOLONG: () => t('the path is too long'),
  EMFILE: () => t('too many open files'),
  ENFILE: () => t('too many open files'),
  ENOSPC: () => t('the disk is full'),
  EDQUOT: () => t('the disk is full'),
  EROFS: () => t('the file system is read-only'),
  EBUSY: () => t('it is in use by another program'),
  EIO: () => t('an input/output error of the disk or network'),
  ENXIO: () => t('it is not a regular file'),
  EINVAL: () => t('it is not a regular file'),
  ETIMEDOUT: () => t('the disk or network did not answer in time'),
};

function errorCode(error: unknown): string | undefined {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** A file-system error (errno code) with a plain reason. */
export function isFileError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && code in FILE_REASONS;
}

/** The JavaScript engine ran out of stack: the input was nested too deeply for the code reading it. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** Errors that are expected of bad input or a bad environment: no stack needs to be logged for them. */
export function isExpectedError(error: unknown): boolean {
  return error instanceof PlainError || isFileError(error) || isStackOverflow(error);
}

/** The plain reason of an error, in the current locale. */
export function plainErrorText(error: unknown): string {
  if (error instanceof PlainError) return error.message;
  const code = errorCode(error);
  if (code && FILE_REASONS[code]) return FILE_REASONS[code]();
  if (isStackOverflow(error)) return t('the content is nested too deeply to be read');
  if (error instanceof RangeError && /allocation|array length|string length|out of memory/i.test(error.message)) return t('the content is too large to be read');
  return t('an unexpected internal error (details are in the log)');
}

export type InternalErrorReporter = (context: string, error: unknown) => void;

let reporter: InternalErrorReporter = (context, error) => {
  // eslint-disable-next-line no-console
  console.error(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
};

/** Where the detail of an unexpected error goes (stderr by default; the language server sets its log). */
export function setInternalErrorReporter(next: InternalErrorReporter): InternalErrorReporter {
  const previous = reporter;
  reporter = next;
  return previous;
}

/** Hands an error's detail to the log (stderr or the server's log), whatever its kind. */
export function logErrorDetail(context: string, error: unknown): void {
  try {
    reporter(context, error);
  } catch {
    // Logging never fails the caller.
  }
}

/**
 * The plain text for `error`; an unexpected error's detail (its stack) is handed to the reporter,
 * so it can be found without ever being shown as the message.
 */
export function describeError(context: string, error: unknown): string {
  if (!isExpectedError(error)) logErrorDetail(context, error);
  return plainErrorText(error);
}
