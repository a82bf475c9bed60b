import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildAppPackage } from '../../scripts/app-package/build-app-package';
import { APP_PACKAGE_DIR, REALISTIC_ENV } from './manifestFixture';

const DEV_ENV = [
  '# written by provision',
  'TEAMSFX_ENV=dev',
  ...[...REALISTIC_ENV].map(([key, value]) => `${key}="${value}"`),
].join('\n');

describe('npm run package (buildAppPackage)', () => {
  let root: string;

  beforeEach(() => {
    // A copy of the real app package in a scratch project, so the test controls the env files.
    root = mkdtempSync(join(tmpdir(), 'package-app-'));
    mkdirSync(join(root, 'appPackage'));
    mkdirSync(join(root, 'env'));
    for (const file of ['manifest.json', 'color.png', 'outline.png']) {
      copyFileSync(join(APP_PACKAGE_DIR, file), join(root, 'appPackage', file));
    }
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes appPackage/build/appPackage.<env>.zip with the resolved manifest and both icons', async () => {
    writeFileSync(join(root, 'env', '.env.dev'), DEV_ENV);
    const { zipPath } = await buildAppPackage({ env: 'dev', root });

    expect(zipPath).toBe(join(root, 'appPackage', 'build', 'appPackage.dev.zip'));
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestText = (await zip.file('manifest.json')?.async('string')) ?? '';
    expect(manifestText).not.toContain('${{');
    expect(JSON.parse(manifestText).bots[0].botId).toBe(REALISTIC_ENV.get('BOT_ID'));
    const colour = await zip.file('color.png')?.async('nodebuffer');
    expect(colour?.equals(readFileSync(join(APP_PACKAGE_DIR, 'color.png')))).toBe(true);
  });

  it('lets the git-ignored .user file override the shared env file', async () => {
    writeFileSync(join(root, 'env', '.env.dev'), DEV_ENV.replace(/BOT_DOMAIN=.*/, 'BOT_DOMAIN='));
    writeFileSync(join(root, 'env', '.env.dev.user'), 'BOT_DOMAIN=mine.devtunnels.ms\n');
    const { manifest } = await buildAppPackage({ env: 'dev', root });
    expect(manifest.validDomains).toEqual(['mine.devtunnels.ms']);
  });

  it('names every placeholder the env file leaves missing or empty', async () => {
    writeFileSync(join(root, 'env', '.env.dev'), 'TEAMSFX_ENV=dev\nAPP_NAME_SUFFIX=\nTEAMS_APP_ID=\nBOT_ID=\n');
    await expect(buildAppPackage({ env: 'dev', root })).rejects.toThrow(
      /\$\{\{TEAMS_APP_ID\}\}, \$\{\{BOT_ID\}\}, \$\{\{BOT_DOMAIN\}\}.*env\/\.env\.dev/,
    );
  });

  it('says which env file is missing', async () => {
    await expect(buildAppPackage({ env: 'staging', root })).rejects.toThrow(/No environment file .*env\/\.env\.staging/);
  });

  it('refuses to package a manifest that breaks the schema', async () => {
    writeFileSync(join(root, 'env', '.env.dev'), DEV_ENV.replace(/BOT_ID=.*/, 'BOT_ID=not-a-guid'));
    await expect(buildAppPackage({ env: 'dev', root })).rejects.toThrow(/does not match its schema[\s\S]*\/bots\/0\/botId/);
  });
});
