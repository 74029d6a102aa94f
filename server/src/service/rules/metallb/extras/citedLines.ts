/**
 * FRR's rules cite other lines by number ("is already seq 5 (line 12)"), counted in the file they
 * checked. For the bgpextras and a rawConfig that file is MetalLB's or frr-k8s's render with the
 * user's text appended, so the number means nothing to someone reading the YAML: each cited line is
 * restated as its line in the YAML file, or, when the render generated it, as what generated it.
 */
import type { ParseResult } from '../../../frr/syntax';
import type { RelatedLocation } from '../../../types';

/** Where a cited line of the checked file is, for someone reading the finding's YAML file. */
export type CitedPlace =
  /** In the finding's own YAML file: its 1-based line there. */
  | { yamlLine: number }
  /**
   * Anywhere else: a phrase read in place of "line N" (in "(line N)", "(…, line N)" and "at line N";
   * it starts with "in " or "generated "), and the locations that show it.
   */
  | { words: string; related: RelatedLocation[] };

/** How FRR's rules cite a line: "(line N)", "(…, line N)", "at line N". Quoted user text is not matched. */
const CITED = /(\(|, |\bat )line (\d+)\b/g;

/**
 * `message` with every "line N" (1-based, of the checked `text`) restated by `place`, which gets the
 * 0-based index and the offset of the line's first character; the related locations the generated
 * places bring.
 */
export function restateCitedLines(
  message: string,
  text: string,
  place: (line: { index: number; start: number }) => CitedPlace,
): { message: string; related: RelatedLocation[] } {
  const related: RelatedLocation[] = [];
  let starts: number[] | undefined;
  const restated = message.replace(CITED, (cited: string, lead: string, number: string) => {
    starts ??= lineStarts(text);
    const index = Number(number) - 1;
    const start = starts[index];
    if (start === undefined) return cited;
    const where = place({ index, start });
    if ('yamlLine' in where) return `${lead}line ${where.yamlLine}`;
    related.push(...where.related);
    return `${lead.trim() === 'at' ? '' : lead}${where.words}`;
  });
  return { message: restated, related };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The prefix-list or route-map a line belongs to (a route-map's clauses belong to its entry). */
export function structureAt(parse: ParseResult, lineIndex: number): { kind: 'prefix-list' | 'route-map'; name: string } | undefined {
  const line = parse.lines.find((l) => l.line === lineIndex && l.kind === 'command');
  if (!line) return undefined;
  if (line.commandId === 'prefix-list' || line.commandId === 'ipv6-prefix-list') {
    const name = line.command?.args.name?.value;
    return name ? { kind: 'prefix-list', name } : undefined;
  }
  const block = parse.blocks[line.block];
  const header = block ? parse.lines[block.header] : undefined;
  const name = header?.commandId === 'route-map' ? header.command?.args.name?.value : undefined;
  return name ? { kind: 'route-map', name } : undefined;
}
