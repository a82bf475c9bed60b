import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvFile } from '../../scripts/app-package/env-file';
import { placeholderNames } from '../../scripts/app-package/placeholders';
import { outputNames } from './bicepReader';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The variables the bot reads at start-up (README's configuration table lists them). */
const BOT_SETTINGS = [
  'PORT', 'BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE', 'STORE', 'DATA_DIR', 'COSMOS_ENDPOINT',
  'COSMOS_KEY', 'COSMOS_DATABASE', 'COSMOS_CREATE_IF_MISSING', 'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING', 'LOG_LEVEL', 'NODE_ENV', 'DEFAULT_TIME_ZONE', 'TAB_SSO_APP_ID', 'TAB_SSO_RESOURCE',
];

/** Keys under `envs:` of the file/createOrUpdateEnvironmentFile step. */
function runtimeEnvKeys(yaml: string): string[] {
  const block = /^\s+envs:\n((?:\s{8,}\w+:.*\n?)+)/m.exec(yaml)?.[1] ?? '';
  return [...block.matchAll(/^\s+(\w+):/gm)].map((m) => m[1] ?? '');
}

describe('Agents Toolkit project files', () => {
  it('deploys to the web app whose id the Bicep outputs', () => {
    const resourceId = /resourceId: \$\{\{(\w+)\}\}/.exec(read('m365agents.yml'))?.[1];
    expect(outputNames(read('infra/azure.bicep'))).toContain(resourceId);
  });

  it('deploys the staged web app (production dependencies only), not the checkout', () => {
    const yaml = read('m365agents.yml');
    const deploy = yaml.slice(yaml.indexOf('\ndeploy:'), yaml.indexOf('\npublish:'));
    expect(deploy).toContain('args: run stage:webapp');
    expect(/artifactFolder: (\S+)/.exec(deploy)?.[1]).toBe('build/webapp');
    expect(deploy).not.toContain('ignoreFile');
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['stage:webapp']).toBe('npm run build && node dist/scripts/stage-webapp.js');
  });

  it('declares in env/.env.dev every variable the manifest and Bicep parameters use, or the Bicep or a provision step writes', () => {
    // A secret (SECRET_…) is written by a provision step to env/.env.dev.user, which git ignores.
    const secretsWritten = [...read('m365agents.yml').matchAll(/^\s+\w+: (SECRET_\w+)$/gm)].map((match) => match[1] ?? '');
    const declared = new Set([...readEnvFile(join(ROOT, 'env/.env.dev')).keys(), ...outputNames(read('infra/azure.bicep')), ...secretsWritten]);
    const used = placeholderNames(read('appPackage/manifest.json') + read('infra/azure.parameters.json'));
    expect(used.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('declares in env/.env.local the tunnel endpoint the bot registration points at', () => {
    const local = readEnvFile(join(ROOT, 'env/.env.local'));
    expect(read('m365agents.local.yml')).toContain('messagingEndpoint: ${{BOT_ENDPOINT}}/api/messages');
    expect([...local.keys()]).toEqual(expect.arrayContaining(['BOT_ENDPOINT', 'BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']));
  });

  it('registers the tabs\' Entra app before the manifest that names it, and exposes access_as_user to the Teams clients', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const yaml = read(file);
      expect(yaml.indexOf('uses: aadApp/create')).toBeGreaterThan(-1);
      expect(yaml.indexOf('uses: aadApp/update')).toBeLessThan(yaml.indexOf('uses: teamsApp/zipAppPackage'));
      expect(yaml).toContain('manifestPath: ./infra/entra/tab-sso.aad.manifest.json');
    }
    const entra = JSON.parse(read('infra/entra/tab-sso.aad.manifest.json')) as { identifierUris: string[]; api: { oauth2PermissionScopes: Array<{ value: string; id: string }>; preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }> } };
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo: { id: string; resource: string } };
    expect(entra.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    const [scope] = entra.api.oauth2PermissionScopes;
    expect(scope?.value).toBe('access_as_user');
    expect(entra.api.preAuthorizedApplications).toEqual([
      { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', delegatedPermissionIds: [scope?.id] },
      { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', delegatedPermissionIds: [scope?.id] },
    ]);
  });

  it.each(['m365agents.local.yml', 'm365agents.playground.yml'])('%s writes only settings the bot reads', (file) => {
    const keys = runtimeEnvKeys(read(file));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !BOT_SETTINGS.includes(key))).toEqual([]);
  });
});

describe('.vscode: F5 as the Toolkit templates ship it', () => {
  interface Task { label: string; type?: string; command?: string; dependsOn?: string[]; args?: Record<string, unknown>; options?: { env?: Record<string, string> } }
  interface Launch { configurations: Array<{ name: string; port?: number }>; compounds: Array<{ name: string; configurations: string[]; preLaunchTask: string }> }
  const tasks = (JSON.parse(read('.vscode/tasks.json')) as { tasks: Task[] }).tasks;
  const launch = JSON.parse(read('.vscode/launch.json')) as Launch;
  const task = (label: string): Task => {
    const found = tasks.find((candidate) => candidate.label === label);
    if (!found) throw new Error(`no task "${label}"`);
    return found;
  };

  it('wires every compound to configurations and a task that exist, and every task to tasks that exist', () => {
    const names = launch.configurations.map((configuration) => configuration.name);
    for (const compound of launch.compounds) {
      expect(names).toEqual(expect.arrayContaining(compound.configurations));
      expect(task(compound.preLaunchTask).label).toBe(compound.preLaunchTask);
    }
    for (const entry of tasks) for (const dependency of entry.dependsOn ?? []) expect(task(dependency).label).toBe(dependency);
    expect(launch.compounds.map((compound) => compound.name)).toEqual(['Debug in Microsoft 365 Agents Playground', 'Debug in Teams (Edge)', 'Debug in Teams (Chrome)']);
  });

  it('debugs in Teams: tunnel into BOT_ENDPOINT, provision and deploy the local environment, then start the bot for the debugger', () => {
    expect(task('Start App Locally').dependsOn).toEqual(['Validate prerequisites', 'Start local tunnel', 'Provision', 'Deploy', 'Start application']);
    const tunnel = task('Start local tunnel').args as { ports: Array<{ portNumber: number; writeToEnvironmentFile: Record<string, string> }>; env: string };
    expect(tunnel.ports[0]?.writeToEnvironmentFile).toEqual({ endpoint: 'BOT_ENDPOINT', domain: 'BOT_DOMAIN' });
    expect(read('m365agents.local.yml')).toContain('messagingEndpoint: ${{BOT_ENDPOINT}}/api/messages');
    expect(tunnel.ports[0]?.portNumber).toBe(3978);
    expect(task('Provision').args).toEqual({ env: 'local' });
    expect(task('Deploy').args).toEqual({ env: 'local' });
    // The bot reads what m365agents.local.yml's deploy writes, and opens the port the debugger attaches to.
    const attach = launch.configurations.find((configuration) => configuration.name === 'Attach to Local Service');
    expect(task('Start application').command).toContain(`--inspect=127.0.0.1:${attach?.port} --env-file=.localConfigs dist/src/index.js`);
    expect(read('m365agents.local.yml')).toContain('target: ./.localConfigs\n');
  });

  it('debugs in the Agents Playground with the same launcher as npm run dev:playground', () => {
    const start = task('Start application and Playground');
    expect(start.command).toBe('npm run dev:playground');
    expect(start.options?.env?.['BOT_INSPECT_PORT']).toBe('9239');
    expect(read('scripts/dev-playground.ts')).toContain('process.env.BOT_INSPECT_PORT');
    expect(task('Deploy (Microsoft 365 Agents Playground)').args).toEqual({ env: 'playground' });
  });
});
