/**
 * What frr-k8s's webhook checks before looking at any node: the `nodeSelector` must convert to a
 * label selector (else it denies the object), and a neighbor's `disableMP` earns a warning.
 */
import type { LabelSelector } from '../../../k8s/resources';
import { isSelectorOperator, selectorError } from '../../../k8s/selectors';
import type { Finding } from '../../../types';
import { webhookFinding, type PlacedConfiguration } from './context';

/** The error for an invalid `nodeSelector`, on the first requirement that makes it invalid. */
export function invalidNodeSelector(at: PlacedConfiguration): Finding | undefined {
  const selector = at.resource.spec.nodeSelector;
  if (!selector) return undefined;
  for (const requirement of selector.matchExpressions) {
    const alone: LabelSelector = { matchLabels: {}, matchExpressions: [requirement], range: requirement.range };
    const error = selectorError(alone);
    if (!error) continue;
    // Exists / DoesNotExist with values: the first value is what to remove; otherwise the operator is at fault.
    const valueAtFault = isSelectorOperator(requirement.operator.value) && requirement.values.length > 0;
    const range = valueAtFault ? requirement.values[0].range : requirement.operator.range;
    return webhookFinding(at, range, `${error}\nresource contains an invalid NodeSelector`);
  }
  return undefined;
}

export function disableMPWarnings(at: PlacedConfiguration): Finding[] {
  return at.resource.spec.routers.flatMap((router) =>
    router.neighbors.flatMap((neighbor) =>
      neighbor.disableMP?.value === true
        ? [
            webhookFinding(
              at,
              neighbor.disableMP.range,
              'disableMP is deprecated and will be removed in a future release (it has no effect: set dualStackAddressFamily to carry both address families on one session)',
              'warning',
            ),
          ]
        : [],
    ),
  );
}
