import {
  type ErrorCode,
  type FieldError,
  type ImportLineError,
  type ImportProblem,
  type ImportProblemParams,
  importProblemText,
  MAX_PHONE_DIGITS,
  MIN_PHONE_DIGITS,
  type PhoneProblem,
} from '@charla/contracts';
import { AppError } from '../platform/errors.ts';

/** At most this many problems are named in an answer; the rest are counted in one more line. */
const PROBLEMS_SHOWN = 200;

/** The problems an answer names: the first ones, then how many more there are. */
export function shownProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  if (problems.length <= PROBLEMS_SHOWN) return [...problems];
  const more: ImportProblem = {
    line: 0,
    column: null,
    code: 'more_problems',
    params: { count: problems.length - PROBLEMS_SHOWN },
  };
  return [...problems.slice(0, PROBLEMS_SHOWN), more];
}

/** A problem as the API shows it, worded in the caller's language. */
export function presentProblem(problem: ImportProblem, language: 'en' | 'es'): ImportLineError {
  return { ...problem, message: importProblemText(problem, language) };
}

/**
 * The 400 of a file that imports nothing: each problem as a field error named `line 3: phone`
 * (`line 3` for a whole line, `file` for the whole file), worded in the caller's language.
 */
export function importRefused(
  code: ErrorCode,
  problems: readonly ImportProblem[],
  language: 'en' | 'es',
): AppError {
  const fields: FieldError[] = shownProblems(problems).map((problem) => ({
    field: problem.line === 0 ? 'file' : `line ${problem.line}${problem.column ? `: ${problem.column}` : ''}`,
    message: importProblemText(problem, language),
  }));
  return new AppError(code, {
    fields,
    detail: `${problems.length} line problem(s); nothing was imported`,
  });
}

/** What is wrong with a phone cell, as an import problem's code and details. */
export function phoneProblem(problem: PhoneProblem): Pick<ImportProblem, 'code' | 'params'> {
  const params: ImportProblemParams =
    problem === 'length' ? { min: MIN_PHONE_DIGITS, max: MAX_PHONE_DIGITS } : {};
  return { code: `phone_${problem}`, params };
}
