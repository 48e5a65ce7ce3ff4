import type { FileResult } from '../../service/fileResult';

/**
 * One report of a review (`budget-check review`): checked as the check command checks it, or the
 * plain reason it could not be checked. Plain data, so that it crosses from a worker thread.
 */
export interface ReviewedReport {
  readonly file: string;
  /** A published report's PDF, checked as imported. */
  readonly pdf: boolean;
  /** The check command's result for the file (with the text its ranges are in when a page is written). */
  readonly result?: FileResult;
  /** Why the file could not be read or imported (the line the check command prints). */
  readonly problem?: string;
  /** The checker itself failed on this file (a thrown error, a crashed worker): a plain sentence. */
  readonly failure?: string;
  /** What checking wrote to stderr: the import's problems, stacks of internal errors. */
  readonly stderr: readonly string[];
}

/** Input problems of a review that belong to no report (a path that does not exist, a folder without reports). */
export interface ReviewInputProblem {
  readonly path: string;
  readonly message: string;
}
