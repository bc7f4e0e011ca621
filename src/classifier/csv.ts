/**
 * A small RFC 4180 CSV reader for the labelled corpora: quoted fields may hold commas, doubled quotes and
 * line breaks (SWSR comments and Davidson tweets do). A leading byte-order mark is dropped.
 */

/** One parsed CSV file: the header row and the data rows, each row as many fields as it had. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Parses CSV text into a header and rows. Blank trailing lines are skipped. */
export function parseCsv(source: string): CsvTable {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const records: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      field = '';
      if (!(row.length === 1 && row[0] === '')) records.push(row);
      row = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    records.push(row);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** The index of a named column, or an error naming the file and the columns it does have. */
export function columnIndex(table: CsvTable, name: string, file: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new Error(`${file}: no column "${name}" (columns: ${table.header.join(', ')})`);
  }
  return index;
}
