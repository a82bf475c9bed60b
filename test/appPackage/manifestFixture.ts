import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePlaceholders } from '../../scripts/app-package/placeholders';

/** The repository's appPackage folder. */
export const APP_PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');

/** Realistic values for the manifest's placeholders, as provisioning would write them to env/.env.dev. */
export const REALISTIC_ENV = new Map([
  ['TEAMS_APP_ID', '0f8e6a34-2b1c-4d5e-9f70-1a2b3c4d5e6f'],
  ['BOT_ID', '7c9d1e2f-3a4b-4c5d-8e6f-708192a3b4c5'],
  ['BOT_DOMAIN', 'meeting-actions-dev.azurewebsites.net'],
  ['TAB_SSO_APP_ID', '3e1f5a7c-9b2d-4e6f-8a1c-2d3e4f5a6b7c'],
  ['APP_NAME_SUFFIX', ' (dev)'],
]);

/** A loosely typed view of the manifest: tests assert on its shape rather than trust a type. */
export type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The committed manifest with its placeholders resolved from REALISTIC_ENV. */
export function resolvedManifest(): Manifest {
  const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(resolvePlaceholders(template, REALISTIC_ENV, 'the test')) as Manifest;
}
