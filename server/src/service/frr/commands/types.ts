/**
 * The command tables: each modelled FRR command written in FRR's own DEFUN syntax, so the matcher
 * treats it exactly as FRR's command graph does (keyword abbreviation, `(a-b)` ranges, `A.B.C.D/M`,
 * `X:X::X:X`, `<a|b>`, `[x]`, `{a|b}`, `WORD...`, `$name` bindings).
 */
import type { NodeId } from '../syntax';

export interface CommandDef {
  /** Stable id; the model and rules key on it. */
  id: string;
  node: NodeId | NodeId[];
  /** FRR command string, e.g. `route-map RMAP_NAME$name <deny|permit>$action (1-65535)$seq`. */
  spec: string;
  /** Node entered when the command matches. */
  enters?: NodeId;
  /** Leaves the current node (`exit`, `exit-address-family`, `exit-vrf`, …) for this node. */
  exitsTo?: NodeId | 'PARENT';
  /** Versions that define the command; absent means every supported version. */
  versions?: readonly ('8.4' | '9.1' | '10.x')[];
  /** The command also has a `no` form (FRR writes `[no]` in the spec). */
  negatable?: boolean;
}
