/**
 * `npm run stage:webapp`: writes build/webapp, the folder `atk deploy` (and `az webapp deploy`) uploads
 * to App Service: the compiled bot and its production dependencies only. Run after npm ci and npm run build.
 */
import { relative, resolve } from 'node:path';
import { stageWebApp } from './webapp/stage-webapp';

const MB = 1024 * 1024;

try {
  const root = resolve('.');
  const staged = stageWebApp({ root });
  console.log(
    `Staged ${relative(root, staged.folder)}: ${staged.files} files, ${(staged.bytes / MB).toFixed(0)} MB (node_modules ${(staged.nodeModulesBytes / MB).toFixed(0)} MB, production dependencies only).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
