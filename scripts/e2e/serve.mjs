// What `npm start`, the activation figure and the e2e run share: a freshly built and packaged
// .vsix installed into a fresh code-server profile, and code-server serving it.
import { relative } from 'node:path';
import { createProfile, installVsix, startCodeServer } from './code-server.mjs';
import { ensureInstalled, root } from './install.mjs';
import { packageExtension } from '../package.mjs';

export async function serveInstalledExtension({ browser = true, profileAt, folder, port, logFile } = {}) {
  ensureInstalled({ browser });
  const { vsix, bytes } = packageExtension();
  console.log(`packaged ${relative(root, vsix)} (${(bytes / 1024).toFixed(1)} KiB)`);
  const profile = createProfile({ at: profileAt });
  installVsix(profile, vsix);
  const server = await startCodeServer(profile, { folder, port, logFile });
  return { profile, server, vsix, bytes };
}
