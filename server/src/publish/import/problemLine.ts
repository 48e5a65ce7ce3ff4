import type { ImportProblem } from './types';

/** An import problem as one line: file, sheet!cell (or the PDF's place), message. */
export function problemLine(problem: ImportProblem): string {
  const place = problem.place ?? `${problem.sheet}${problem.cell ? '!' + problem.cell : ''}`;
  return [problem.file, place, problem.message].filter(Boolean).join(': ');
}
