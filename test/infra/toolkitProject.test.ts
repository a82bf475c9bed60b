import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvFile } from '../../scripts/app-package/env-file';
import { placeholderNames } from '../../scripts/app-package/placeholders';
import { outputNames } from './bicepReader';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The variables the bot reads at start-up (docs/DEPLOY.md lists them). */
const BOT_SETTINGS = [
  'PORT', 'BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE', 'STORE', 'DATA_DIR', 'COSMOS_ENDPOINT',
  'COSMOS_KEY', 'COSMOS_DATABASE', 'COSMOS_CREATE_IF_MISSING', 'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING', 'LOG_LEVEL', 'NODE_ENV', 'DEFAULT_TIME_ZONE',
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

  it('declares in env/.env.dev every variable the manifest and Bicep parameters use, or the Bicep writes', () => {
    const declared = new Set([...readEnvFile(join(ROOT, 'env/.env.dev')).keys(), ...outputNames(read('infra/azure.bicep'))]);
    const used = placeholderNames(read('appPackage/manifest.json') + read('infra/azure.parameters.json'));
    expect(used.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('declares in env/.env.local the tunnel endpoint the bot registration points at', () => {
    const local = readEnvFile(join(ROOT, 'env/.env.local'));
    expect(read('m365agents.local.yml')).toContain('messagingEndpoint: ${{BOT_ENDPOINT}}/api/messages');
    expect([...local.keys()]).toEqual(expect.arrayContaining(['BOT_ENDPOINT', 'BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']));
  });

  it.each(['m365agents.local.yml', 'm365agents.playground.yml'])('%s writes only settings the bot reads', (file) => {
    const keys = runtimeEnvKeys(read(file));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !BOT_SETTINGS.includes(key))).toEqual([]);
  });
});
