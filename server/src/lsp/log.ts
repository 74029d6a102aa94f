/** How a failure inside the server reaches the output log: with its stack, so a report can say where. */
import type { RemoteConsole } from 'vscode-languageserver/node';

export function logFailure(console: RemoteConsole, what: string, error: unknown): void {
  console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
