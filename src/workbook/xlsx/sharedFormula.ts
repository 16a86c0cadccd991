/**
 * A shared formula (`<f t="shared" si="0" ref="B2:B9">B1+1</f>` on its first cell, `<f t="shared" si="0"/>` on
 * the others) as it reads in another cell of its range: the relative references moved by the cell's offset
 * from the first, the absolute ones (`$B$1`) kept, text inside "string literals" and 'quoted sheet names' left
 * alone. A reference moved off the sheet becomes #REF!, as Excel shows it.
 */
import { columnLetter } from "../../sheet/a1";

const REF = /(^|[^A-Za-z0-9_.$'"])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REF,
            (_m, before: string, absC: string, letters: string, absR: string, digits: string) => {
              const column = absC ? toNumber(letters) : toNumber(letters) + columns;
              const row = absR ? Number(digits) : Number(digits) + rows;
              if (column < 1 || column > MAX_COLUMN || row < 1 || row > MAX_ROW) return `${before}#REF!`;
              return `${before}${absC}${columnLetter(column)}${absR}${row}`;
            },
          ),
    )
    .join("");
}

function toNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}
