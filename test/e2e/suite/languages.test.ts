import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from '../support/harness';
import { writeWorkspaceFile } from '../support/workspace';

async function languageOf(relativePath: string, text: string): Promise<string> {
  const uri = await writeWorkspaceFile(relativePath, text);
  return (await vscode.workspace.openTextDocument(uri)).languageId;
}

suite('languages', () => {
  test('the frr language is registered', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('frr'));
  });

  test('*.frr files are frr', async () => {
    assert.equal(await languageOf('lang/edge.frr', 'hostname edge\n'), 'frr');
  });

  test('frr.conf and the per-daemon file names are frr', async () => {
    for (const name of ['frr.conf', 'bgpd.conf', 'zebra.conf']) {
      assert.equal(await languageOf(`lang/etc/${name}`, 'hostname router\n'), 'frr', name);
    }
  });

  test('MetalLB manifests stay yaml', async () => {
    assert.equal(await languageOf('lang/pool.yaml', 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n'), 'yaml');
  });
});
