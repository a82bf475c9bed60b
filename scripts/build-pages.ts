import { buildPages } from './pages/buildPages';

/** `npm run build` runs this after tsc: bundles the tab pages into dist/pages. */
buildPages()
  .then((file) => console.log(`tab pages: ${file}`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
