/** The server's own requests, notification and command: what the server, the extension and the tests exchange. */

/** Renders a node's frr.conf for the preview. */
export const RENDER_REQUEST = 'frrMetallb/render';
/** Sent (debounced) when a manifest, a setting or the index changed: the preview asks again. */
export const RENDER_CHANGED_NOTIFICATION = 'frrMetallb/renderChanged';
/** "Validate workspace": every indexed file is checked and its diagnostics published. */
export const VALIDATE_WORKSPACE_REQUEST = 'frrMetallb/validateWorkspace';
/** `workspace/executeCommand` that generates the bgpextras for every peer; its argument is `{ cidrs?, listName? }`. */
export const GENERATE_EXTRAS_COMMAND = 'frrMetallb.server.generateExtras';

export interface RenderParams {
  node?: string;
}

export interface RenderReply {
  nodes: string[];
  node?: string;
  text: string;
  header: string[];
}

export interface ValidateWorkspaceReply {
  errors: number;
  warnings: number;
  /** Files with at least one diagnostic. */
  files: number;
  /** Files checked. */
  checked: number;
}
