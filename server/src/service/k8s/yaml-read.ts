/**
 * Typed, range-keeping reads from `yaml` nodes. Wrong value types become `k8s/schema` findings
 * in the words of the API server's OpenAPI validation, so a resource with a quoted ASN is
 * reported once and read as if the field were absent.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Finding, OffsetRange } from '../types';
import type { LabelSelector, Located, SecretReference, SelectorRequirement } from './resources';

export type RangeMapper = (range: OffsetRange) => OffsetRange;

export interface Entry {
  key: string;
  keyRange: OffsetRange;
  value: Node | null;
  /** Range of the value, or of the key when the value is empty. */
  valueRange: OffsetRange;
}

export class YamlReader {
  constructor(
    readonly findings: Finding[],
    private readonly mapRange: RangeMapper = (range) => range,
  ) {}

  rangeOf(node: { range?: [number, number, number] | null } | null | undefined, fallback?: OffsetRange): OffsetRange {
    const range = node?.range;
    if (!range) return fallback ?? { start: 0, end: 0 };
    return this.mapRange({ start: range[0], end: range[1] });
  }

  /** The entries of a mapping with scalar keys, in source order. */
  entries(node: Node | null | undefined): Entry[] {
    if (!isMap(node)) return [];
    const out: Entry[] = [];
    for (const pair of (node as YAMLMap<unknown, unknown>).items as Pair<unknown, unknown>[]) {
      if (!isScalar(pair.key)) continue;
      const keyRange = this.rangeOf(pair.key as Scalar);
      const value = (pair.value ?? null) as Node | null;
      out.push({ key: String((pair.key as Scalar).value), keyRange, value, valueRange: this.rangeOf(value, keyRange) });
    }
    return out;
  }

  entry(node: Node | null | undefined, key: string): Entry | undefined {
    return this.entries(node).find((e) => e.key === key);
  }

  child(node: Node | null | undefined, key: string): Node | null | undefined {
    return this.entry(node, key)?.value;
  }

  /** Reports `entry` as the API server's OpenAPI validation would; callers read the value as absent. */
  typeError(path: string, expected: string, entry: Entry): undefined {
    const actual = describeType(entry.value);
    this.findings.push({
      code: 'k8s/schema',
      severity: 'error',
      range: entry.valueRange,
      message: `${path}: Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"`,
    });
    return undefined;
  }

  private located<T>(value: T, entry: Entry): Located<T> {
    return { value, range: entry.valueRange, keyRange: entry.keyRange };
  }

  private present(node: Node | null | undefined, key: string): Entry | undefined {
    const entry = this.entry(node, key);
    if (!entry || entry.value === null || (isScalar(entry.value) && entry.value.value === null)) return undefined;
    return entry;
  }

  string(node: Node | null | undefined, key: string, path: string): Located<string> | undefined {
    const entry = this.present(node, key);
    if (!entry) return undefined;
    if (!isScalar(entry.value) || typeof entry.value.value !== 'string') return this.typeError(path, 'string', entry);
    return this.located(entry.value.value, entry);
  }

  integer(node: Node | null | undefined, key: string, path: string): Located<number> | undefined {
    const entry = this.present(node, key);
    if (!entry) return undefined;
    const value = isScalar(entry.value) ? entry.value.value : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.typeError(path, 'integer', entry);
    return this.located(value, entry);
  }

  boolean(node: Node | null | undefined, key: string, path: string): Located<boolean> | undefined {
    const entry = this.present(node, key);
    if (!entry) return undefined;
    const value = isScalar(entry.value) ? entry.value.value : undefined;
    if (typeof value !== 'boolean') return this.typeError(path, 'boolean', entry);
    return this.located(value, entry);
  }

  /**
   * Items of a list of strings; numbers are taken as written (a pool entry may be read as a number).
   * An object or a list in the list is reported and skipped; the other items are still read.
   */
  stringList(node: Node | null | undefined, key: string, path: string): Located<string>[] {
    const entry = this.present(node, key);
    if (!entry) return [];
    if (!isSeq(entry.value)) {
      this.typeError(path, 'array', entry);
      return [];
    }
    const out: Located<string>[] = [];
    for (const item of entry.value.items as (Node | null)[]) {
      if (isMap(item) || isSeq(item)) this.itemTypeError(path, 'string', item, entry);
      else if (isScalar(item) && item.value !== null && typeof item.value !== 'object') out.push({ value: scalarText(item), range: this.rangeOf(item) });
    }
    return out;
  }

  /** Items of a list of objects; a string, number, boolean or list in it is reported and skipped. */
  objectList(node: Node | null | undefined, key: string, path: string): Node[] {
    const entry = this.present(node, key);
    if (!entry) return [];
    if (!isSeq(entry.value)) {
      this.typeError(path, 'array', entry);
      return [];
    }
    const out: Node[] = [];
    for (const item of entry.value.items as (Node | null)[]) {
      if (isMap(item)) out.push(item);
      else if (isSeq(item) || (isScalar(item) && item.value !== null)) this.itemTypeError(path, 'object', item, entry);
    }
    return out;
  }

  /**
   * A list item of the wrong type, on the item itself. Empty items (`- `) are left alone: whether the
   * API server refuses or prunes a null item depends on the schema, and we do not guess.
   */
  private itemTypeError(path: string, expected: string, item: Node, list: Entry): void {
    const range = this.rangeOf(item, list.valueRange);
    this.typeError(path, expected, { key: list.key, keyRange: range, value: item, valueRange: range });
  }

  stringMap(node: Node | null | undefined): Record<string, Located<string>> {
    const out: Record<string, Located<string>> = {};
    for (const entry of this.entries(node)) {
      if (!isScalar(entry.value) || entry.value.value === null) continue;
      out[entry.key] = { value: scalarText(entry.value), range: entry.valueRange, keyRange: entry.keyRange };
    }
    return out;
  }

  selector(node: Node, keys: { matchLabels: string; matchExpressions: string }, path: string): LabelSelector {
    const expressions: SelectorRequirement[] = [];
    for (const expression of this.objectList(node, keys.matchExpressions, `${path}.${keys.matchExpressions}`)) {
      const key = this.string(expression, 'key', `${path}.${keys.matchExpressions}.key`);
      const operator = this.string(expression, 'operator', `${path}.${keys.matchExpressions}.operator`);
      const range = this.rangeOf(expression);
      expressions.push({
        key: key ?? { value: '', range },
        operator: operator ?? { value: '', range },
        values: this.stringList(expression, 'values', `${path}.${keys.matchExpressions}.values`),
        range,
      });
    }
    return {
      matchLabels: this.stringMap(this.child(node, keys.matchLabels)),
      matchExpressions: expressions,
      range: this.rangeOf(node),
    };
  }

  selectorList(node: Node | null | undefined, key: string, path: string): LabelSelector[] {
    return this.objectList(node, key, path).map((item) =>
      this.selector(item, { matchLabels: 'matchLabels', matchExpressions: 'matchExpressions' }, path),
    );
  }

  secretReference(node: Node | null | undefined, key: string, path: string): SecretReference | undefined {
    const value = this.child(node, key);
    if (!isMap(value)) return undefined;
    return {
      name: this.string(value, 'name', `${path}.name`),
      namespace: this.string(value, 'namespace', `${path}.namespace`),
      range: this.rangeOf(value),
    };
  }
}

/** A scalar's value as a string, numbers and booleans as YAML wrote them. */
export function scalarText(node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  if (node.source !== undefined) return String(node.source);
  return String(node.value);
}

function describeType(node: Node | null): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
    if (typeof value === 'boolean') return 'boolean';
    if (value === null) return 'null';
    return 'string';
  }
  return 'null';
}
