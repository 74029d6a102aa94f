/**
 * The other direction of the EmbeddedText offset map (YAML cursor → FRR text offset), and the
 * YAML-correct spelling of text that features write into YAML: a renamed scalar, a name inside an
 * FRR scalar, lines inserted into a block scalar.
 */
import type { EmbeddedText } from '../k8s/embedded';
import type { OffsetRange } from '../types';
import { partitionPoint } from '../frr/bisect';

/**
 * The offset in `embedded.value` of YAML offset `offset`. The map is monotonic, so a binary search
 * finds the last character starting at or before the cursor; a cursor past that character's span
 * (indentation of the next block line, after an escape) belongs after it.
 */
export function fromSourceOffset(embedded: EmbeddedText, offset: number): number {
  const length = embedded.value.length;
  if (length === 0) return 0;
  const found = partitionPoint(0, length, (i) => embedded.toSourceOffset(i) <= offset) - 1;
  if (found < 0) return 0;
  const spanEnd = embedded.toSourceRange({ start: found, end: found + 1 }).end;
  return offset >= spanEnd ? found + 1 : found;
}

export type ScalarQuote = 'plain' | 'double' | 'single' | 'block';

/** How the scalar at `range` of `source` is written. */
export function scalarQuote(source: string, range: OffsetRange): ScalarQuote {
  const first = source[range.start];
  if (first === '"') return 'double';
  if (first === "'") return 'single';
  if (first === '|' || first === '>') return 'block';
  return 'plain';
}

const PLAIN_UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const PLAIN_AMBIGUOUS = /^(true|false|yes|no|on|off|null|~|y|n|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

/** `value` as a YAML scalar replacing one written in `quote` style (quoted when a plain one would change meaning). */
export function yamlScalar(value: string, quote: ScalarQuote): string {
  if (quote === 'single' && !/[\n\r]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  const plainSafe =
    value !== '' && !PLAIN_UNSAFE_START.test(value) && !/[:#]\s|\s#|:$|[\n\r\t]|\s$/.test(value) && !PLAIN_AMBIGUOUS.test(value);
  if (quote !== 'double' && plainSafe) return value;
  return JSON.stringify(value);
}

/**
 * Text to write inside the embedded scalar so that it decodes to `text`: characters a quoted
 * scalar would read as escapes are escaped. Block and plain scalars take FRR names as they are
 * (the callers only write single tokens or whole lines there).
 */
export function embeddedSpelling(source: string, embedded: EmbeddedText, text: string): string {
  const quote = scalarQuote(source, embedded.range);
  if (quote === 'double') return JSON.stringify(text).slice(1, -1);
  if (quote === 'single') return text.replaceAll("'", "''");
  return text;
}

/**
 * Multi-line text inserted at a line start inside a block scalar: every line after the first
 * gets the block's content indentation, which the first line takes from where it is inserted.
 */
export function reindentForBlock(source: string, embedded: EmbeddedText, text: string): string {
  const indent = blockIndentation(source, embedded);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join('\n');
}

/** The indentation of the block scalar's content lines (that of its first non-blank line). */
function blockIndentation(source: string, embedded: EmbeddedText): string {
  const headerEnd = source.indexOf('\n', embedded.range.start);
  if (headerEnd < 0) return '';
  let at = headerEnd + 1;
  while (at < embedded.range.end) {
    let end = source.indexOf('\n', at);
    if (end < 0) end = source.length;
    const line = source.slice(at, end).replace(/\r$/, '');
    if (line.trim() !== '') return /^ */.exec(line)![0];
    at = end + 1;
  }
  return '';
}
