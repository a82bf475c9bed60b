import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { readToolkitEnvironment } from './env-file';
import { resolvePlaceholders } from './placeholders';
import { validateManifest } from './validate-manifest';

/** The icon files the manifest names; Teams expects them at the root of the zip beside manifest.json. */
const ICONS = ['color.png', 'outline.png'] as const;

/** What to package: the environment's name and the repository root holding appPackage/ and env/. */
export interface AppPackageOptions {
  env: string;
  root: string;
}

/** The written package and the manifest inside it. */
export interface AppPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
}

/**
 * Builds `appPackage/build/appPackage.<env>.zip` the way the Toolkit's teamsApp/zipAppPackage does:
 * placeholders resolved from `env/.env.<env>`, the result checked against the official schema offline.
 */
export async function buildAppPackage({ env, root }: AppPackageOptions): Promise<AppPackage> {
  const appPackageDir = join(root, 'appPackage');
  const envFolder = join(root, 'env');
  const values = readToolkitEnvironment(envFolder, env);
  const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
  const resolved = resolvePlaceholders(template, values, relative(root, join(envFolder, `.env.${env}`)));
  const manifest = JSON.parse(resolved) as Record<string, unknown>;

  const errors = validateManifest(manifest);
  if (errors.length > 0) {
    throw new Error(`The manifest for "${env}" does not match its schema:\n  ${errors.join('\n  ')}`);
  }

  const zip = new JSZip();
  zip.file('manifest.json', resolved);
  for (const icon of ICONS) zip.file(icon, readFileSync(join(appPackageDir, icon)));
  const buildDir = join(appPackageDir, 'build');
  mkdirSync(buildDir, { recursive: true });
  const zipPath = join(buildDir, `appPackage.${env}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, manifest };
}
