/** One thing wrong with the legacy book, where it is: file, line (1 is the header) and column. */
export interface BookProblem {
  file: string;
  line: number | null;
  column: string | null;
  message: string;
}

export function formatProblem(p: BookProblem): string {
  const where = [p.file, p.line === null ? null : `line ${p.line}`, p.column === null ? null : `column ${p.column}`].filter((x) => x !== null).join(', ');
  return `${where}: ${p.message}`;
}

/**
 * The book was refused before anything was written: `invalid` rows, or `control-totals` that do
 * not match the rows. The CLI prints every problem and exits 2.
 */
export class BookRefused extends Error {
  constructor(readonly reason: 'invalid' | 'control-totals', readonly problems: BookProblem[]) {
    super(`${reason === 'control-totals' ? 'control totals do not match the rows' : 'the book has invalid rows'}; nothing was imported:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'BookRefused';
  }
}
