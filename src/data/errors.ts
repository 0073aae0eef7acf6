/**
 * The one error type of src/data: a message a person can act on, naming the file and, where it applies, the
 * line (text files) or row (Parquet, JSON) and the column. The UI shows `message` as it is; the CLI prints it
 * as one line. The parts are kept too, for a UI that wants to point at the cell.
 */
export interface Place {
  /** Physical line of a text file (1-based; blank lines and line breaks inside quoted cells counted). */
  readonly line?: number;
  /** Data row (1-based, header not counted) of a file without lines: Parquet, JSON. */
  readonly row?: number;
  /** Column name, as in the file's header. */
  readonly column?: string;
  /** Column position in the file (1-based), when known. */
  readonly position?: number;
}

export class DataError extends Error {
  constructor(
    /** The file's name, as the user chose it. */
    readonly file: string,
    /** What is wrong and, where possible, what to do about it. */
    readonly problem: string,
    readonly place: Place = {},
  ) {
    super(`${file}${describePlace(place)}: ${problem}`);
    this.name = 'DataError';
  }
}

/** " line 17, column 3 (age)", " row 4, column "age"", "" ... as used in every message. */
export function describePlace(place: Place): string {
  const parts: string[] = [];
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  else if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined) {
    parts.push(
      place.position !== undefined
        ? `column ${place.position} (${place.column})`
        : `column "${place.column}"`,
    );
  } else if (place.position !== undefined) parts.push(`column ${place.position}`);
  return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

/** A cell's text as shown in a message: quoted, at most 30 characters. */
export function shown(text: string): string {
  return JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text);
}
