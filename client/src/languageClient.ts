/**
 * The language client library, bundled on its own (dist/languageClient.js): it is nearly all of the
 * extension's code, and activation loads only what it needs until a server is wanted.
 */
export { LanguageClient, TransportKind } from 'vscode-languageclient/node';
