/**
 * Kubernetes label selector semantics (matchLabels AND matchExpressions), as MetalLB evaluates the
 * `nodeSelectors`, `ipAddressPoolSelectors` and `serviceSelectors` it reads.
 */
import type { LabelSelector, SelectorOperator } from './resources';

export const SELECTOR_OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function isSelectorOperator(operator: string): operator is SelectorOperator {
  return (SELECTOR_OPERATORS as readonly string[]).includes(operator);
}

/**
 * Why a selector is invalid, in the words of apimachinery's `LabelSelectorAsSelector`, or
 * undefined when it is valid.
 */
export function selectorError(selector: LabelSelector): string | undefined {
  for (const requirement of selector.matchExpressions) {
    const operator = requirement.operator.value;
    if (!isSelectorOperator(operator)) return `"${operator}" is not a valid label selector operator`;
    const needsValues = operator === 'In' || operator === 'NotIn';
    if (needsValues && requirement.values.length === 0) {
      return 'for \'in\', \'notin\' operators, values set can\'t be empty';
    }
    if (!needsValues && requirement.values.length > 0) {
      return 'values set must be empty for exists and does not exist';
    }
  }
  return undefined;
}

/** Whether `labels` satisfy the selector; an invalid selector matches nothing, as in Kubernetes. */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  if (selectorError(selector) !== undefined) return false;
  for (const [key, located] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== located.value) return false;
  }
  for (const requirement of selector.matchExpressions) {
    const key = requirement.key.value;
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const values = requirement.values.map((v) => v.value);
    switch (requirement.operator.value as SelectorOperator) {
      case 'In':
        if (!has || !values.includes(labels[key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** MetalLB's node-selector lists: empty selects every node, otherwise any selector may match. */
export function anySelectorMatches(selectors: readonly LabelSelector[] | undefined, labels: Record<string, string>): boolean {
  if (!selectors || selectors.length === 0) return true;
  return selectors.some((selector) => selectorMatches(selector, labels));
}
