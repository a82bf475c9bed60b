/**
 * `npm run package -- --env dev`: writes appPackage/build/appPackage.dev.zip for sideloading into Teams
 * or uploading to the Developer Portal, without needing the Agents Toolkit.
 */
import { relative, resolve } from 'node:path';
import { buildAppPackage } from './app-package/build-app-package';

function envArgument(argv: readonly string[]): string {
  const flag = argv.findIndex((arg) => arg === '--env' || arg.startsWith('--env='));
  const arg = flag >= 0 ? argv[flag] : undefined;
  const value = arg?.startsWith('--env=') ? arg.slice('--env='.length) : argv[flag + 1];
  return flag >= 0 && value ? value : 'dev';
}

async function main(): Promise<void> {
  const root = resolve('.');
  const { zipPath } = await buildAppPackage({ env: envArgument(process.argv.slice(2)), root });
  console.log(`Wrote ${relative(root, zipPath)}. Upload it in Teams: Apps > Manage your apps > Upload an app.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
