import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';

/** Where `@microsoft/app-manifest` ships the official Teams manifest schemas, one folder per version. */
const SCHEMA_ROOT = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams',
);

/** The official schema for a manifest version, read from disk so validation never needs the network. */
export function loadManifestSchema(manifestVersion: string, schemaRoot = SCHEMA_ROOT): object {
  const path = `${schemaRoot}/v${manifestVersion}/MicrosoftTeams.schema.json`;
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

/** Validates a resolved manifest against the schema of its own `manifestVersion`; returns readable errors. */
export function validateManifest(manifest: { manifestVersion?: unknown }, schemaRoot?: string): string[] {
  if (typeof manifest.manifestVersion !== 'string') return ['manifestVersion is missing'];
  // The Teams schemas are draft-04 and use only the "uri" format; strict mode would reject their extra keywords.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const validate = ajv.compile(loadManifestSchema(manifest.manifestVersion, schemaRoot));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
