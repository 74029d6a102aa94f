/**
 * Edits computed on FRR text embedded in a YAML scalar, written back into the YAML source. The
 * offset map places an edit; this module makes its replacement text valid in the scalar's style:
 * block scalars get every inserted line indented like the block, double-quoted scalars get their
 * escapes. When the text cannot be written exactly (folded blocks, explicit indentation
 * indicators, multi-line flow scalars) there is no edit rather than a wrong one.
 */
import type { EmbeddedText } from '../../k8s/embedded';
import type { OffsetRange, TextEdit } from '../../types';

/** Where an embedded text sits: its offset map and the YAML document holding it. */
export interface EmbeddedSource {
  embedded: EmbeddedText;
  /** The whole YAML document text. */
  source: string;
  uri?: string;
}

/** An edit in `embedded.value` coordinates → the same change in the YAML source, or undefined when it cannot be written. */
export function toYamlEdit(at: EmbeddedSource, edit: { range: OffsetRange; newText: string }): TextEdit | undefined {
  const { embedded, source } = at;
  if (!embedded.exact) return undefined;
  const indicator = source[embedded.range.start];
  const mapped = embeddedRangeToSource(embedded, edit.range);
  const withUri = (range: OffsetRange, newText: string): TextEdit => (at.uri !== undefined ? { uri: at.uri, range, newText } : { range, newText });
  if (indicator === '|') return blockLiteralEdit(at, mapped, edit.newText, withUri);
  if (indicator === '>') {
    const spansLines = /[\r\n]/.test(source.slice(mapped.start, mapped.end));
    return spansLines || /[\r\n]/.test(edit.newText) ? undefined : withUri(mapped, edit.newText);
  }
  if (/[\r\n]/.test(source.slice(embedded.range.start, embedded.range.end))) return undefined;
  if (indicator === '"') return withUri(mapped, escapeDoubleQuoted(edit.newText));
  if (indicator === "'") return /[\r\n]/.test(edit.newText) ? undefined : withUri(mapped, edit.newText.replaceAll("'", "''"));
  return plainSafe(edit.newText) ? withUri(mapped, edit.newText) : undefined;
}

/**
 * A value range in source coordinates. An empty range at the end of a value maps to the end of its
 * last character, which for a value ending in a line break is the start of the next source line.
 */
function embeddedRangeToSource(embedded: EmbeddedText, range: OffsetRange): OffsetRange {
  if (range.end > range.start) return embedded.toSourceRange(range);
  const at = range.start >= embedded.value.length ? embedded.toSourceOffset(embedded.value.length) : embedded.toSourceOffset(range.start);
  return { start: at, end: at };
}

function blockLiteralEdit(
  at: EmbeddedSource,
  mapped: OffsetRange,
  newText: string,
  make: (range: OffsetRange, newText: string) => TextEdit,
): TextEdit | undefined {
  const { source, embedded } = at;
  const header = source.slice(embedded.range.start, lineEnd(source, embedded.range.start));
  if (/^\|[-+]?\d|^\|\d/.test(header)) return undefined;
  const indent = blockIndent(source, embedded.range);
  if (indent === undefined) return undefined;
  const eol = source.includes('\r\n', embedded.range.start) && source.indexOf('\r\n', embedded.range.start) < embedded.range.end ? '\r\n' : '\n';
  let start = mapped.start;
  const lineStartOfStart = lineStart(source, start);
  // A whole-line replacement ends at the next line's column 0: it must start at this line's column 0
  // too, or the next line would inherit this one's indentation on top of its own.
  if (mapped.end > mapped.start && atColumnZero(source, mapped.end) && /^ *$/.test(source.slice(lineStartOfStart, start))) {
    start = lineStartOfStart;
  }
  const segments = newText.split('\n');
  let text: string;
  if (atColumnZero(source, start)) {
    text = segments.map((segment) => (segment === '' ? '' : indent + segment)).join(eol);
  } else {
    text = segments
      .map((segment, i) => {
        if (i === 0) return segment;
        if (i === segments.length - 1) return indent + segment;
        return segment === '' ? '' : indent + segment;
      })
      .join(eol);
  }
  return make({ start, end: mapped.end }, text);
}

/** The indentation of the block's content: the leading spaces of its first non-blank line. */
function blockIndent(source: string, range: OffsetRange): string | undefined {
  let i = lineEnd(source, range.start);
  while (i < range.end) {
    i = source[i] === '\r' ? i + 2 : i + 1;
    const end = lineEnd(source, i);
    const line = source.slice(i, Math.min(end, range.end));
    const spaces = /^ */.exec(line)![0];
    if (spaces.length < line.length && line.trim() !== '') return spaces;
    i = end;
  }
  return undefined;
}

function lineEnd(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}

function lineStart(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n') i--;
  return i;
}

function atColumnZero(source: string, offset: number): boolean {
  return offset === 0 || source[offset - 1] === '\n';
}

function escapeDoubleQuoted(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out;
}

/** Replacement text a plain scalar can hold unchanged. */
function plainSafe(text: string): boolean {
  return !/[\r\n]|: | #|^[\s#&*!|>'"%@`{}[\],-]/.test(text) || text === '';
}
