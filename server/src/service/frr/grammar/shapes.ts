/**
 * A word's shape: everything about it that the matcher's verdict depends on. A keyword position
 * looks at the word only if it abbreviates some keyword; typed positions only at what the scanners
 * in tokens.ts say; `(a-b)` ranges only at the number strtoll reads. Words of one shape are
 * interchangeable for matching, so lines of one shape (`neighbor <ipv4> route-map <word> in`)
 * share one walk of the command graph. Shapes are strings without spaces, so a line's shape is
 * its words' shapes joined by spaces.
 */
import { isAsnum, isIpv4, isIpv4Prefix, isIpv6, isIpv6Prefix, isMac, isMacPrefix, rangeValue } from './tokens';

const keywords = new Set<string>();
/** Every non-empty prefix of a registered keyword: "does this word abbreviate a keyword" in one lookup. */
const abbreviations = new Set<string>();
let registryVersion = 0;

/** Every keyword of every command table must be registered before a line is matched against it. */
export function registerKeyword(text: string): void {
  if (keywords.has(text)) return;
  keywords.add(text);
  for (let length = 1; length <= text.length; length++) abbreviations.add(text.slice(0, length));
  registryVersion++;
}

/** Whether `word` is exactly a keyword of a registered command table. */
export function isKeyword(word: string): boolean {
  return keywords.has(word);
}

/** Changes whenever a keyword is registered: shapes computed earlier may then be too coarse. */
export function keywordRegistryVersion(): number {
  return registryVersion;
}

/** The shape of a word that abbreviates a keyword: the word itself decides every match. */
export function keywordShape(word: string): string | undefined {
  return abbreviations.has(word) ? `=${word}` : undefined;
}

/** Shape of words that no typed token or range accepts. */
export const PLAIN_SHAPE = '~';

/**
 * Whether a typed token or a range might accept `word`: they need a digit (or, for IPv6 and MAC
 * forms, a colon) and take only hex digits, `.`, `:`, `/`, and a leading sign for ranges.
 */
export function mayBeTyped(word: string): boolean {
  let digitOrColon = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 48 && c <= 58) || c === 46 || c === 47) digitOrColon ||= c !== 46 && c !== 47;
    else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) continue;
    else if (!(i === 0 && (c === 43 || c === 45))) return false;
  }
  return digitOrColon;
}

/** Which typed tokens accept `word`, and the number a range would read: for words `mayBeTyped`. */
export function typedShape(word: string): string {
  const bits =
    (isIpv4(word) ? 1 : 0) |
    (isIpv4Prefix(word) ? 2 : 0) |
    (isIpv6(word) ? 4 : 0) |
    (isIpv6Prefix(word) ? 8 : 0) |
    (isMac(word) ? 16 : 0) |
    (isMacPrefix(word) ? 32 : 0) |
    (isAsnum(word) ? 64 : 0);
  return `#${bits}:${rangeValue(word)}`;
}
