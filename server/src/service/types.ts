/**
 * Types shared by every layer of the pure service. Ranges are character offsets into the
 * source document (UTF-16 code units, as `TextDocument.offsetAt` counts them): FRR text embedded
 * in YAML is mapped back to offsets of the YAML document before a finding leaves its layer.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface OffsetRange {
  start: number;
  end: number;
}

/** A replacement of `range` in document `uri` (the finding's own document when absent). */
export interface TextEdit {
  uri?: string;
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `frr-lint fix` and offered as preferred quick fixes. */
  safe: boolean;
}

export interface RelatedLocation {
  uri?: string;
  range: OffsetRange;
  message: string;
}

export interface Finding {
  /** Stable code, e.g. `frr/syntax`, `metallb/in-seq-collision`. */
  code: string;
  severity: Severity;
  range: OffsetRange;
  message: string;
  /** Document the range belongs to when it is not the document being checked. */
  uri?: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/** FRR versions a user can select; `any` accepts what any FRR from 8.4 to 10.x accepts. */
export type FrrVersion = 'any' | '8.4' | '9.1' | '10.x';
export const FRR_VERSIONS: readonly FrrVersion[] = ['any', '8.4', '9.1', '10.x'];
