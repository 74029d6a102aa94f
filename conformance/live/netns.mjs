// Two network namespaces joined by a veth pair. The pair is created inside the namespaces (never in
// the host's), addresses exist only there, and deleting a namespace removes its end of the link.
import { onCleanup } from './cleanup.mjs';
import { run, runOk } from './proc.mjs';

async function addNamespace(name) {
  await runOk('ip', ['netns', 'add', name]);
  onCleanup(`delete netns ${name}`, () => runOk('ip', ['netns', 'delete', name]));
  await runOk('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
}

/** `a` and `b`: { ns, ifname, cidr }. */
export async function linkNamespaces(a, b) {
  await addNamespace(a.ns);
  await addNamespace(b.ns);
  await runOk('ip', ['-n', a.ns, 'link', 'add', a.ifname, 'type', 'veth', 'peer', 'name', b.ifname, 'netns', b.ns]);
  for (const end of [a, b]) {
    await runOk('ip', ['-n', end.ns, 'addr', 'add', end.cidr, 'dev', end.ifname]);
    await runOk('ip', ['-n', end.ns, 'link', 'set', end.ifname, 'up']);
  }
}

/**
 * Empty when namespaces can really be created here (a container without CAP_SYS_ADMIN lists them
 * but cannot add one), else what `ip` said. The probe namespace lives for the blink of the check.
 */
export async function netnsProblem() {
  const probe = `frrml-probe-${process.pid}`;
  const added = await run('ip', ['netns', 'add', probe]);
  if (added.code !== 0) return (added.stderr || added.stdout).trim() || `ip netns add: exit ${added.code}`;
  const deleted = await run('ip', ['netns', 'delete', probe]);
  return deleted.code === 0 ? '' : `ip netns delete ${probe}: ${deleted.stderr.trim()}`;
}
