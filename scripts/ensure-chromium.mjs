// `npm test` runs this first (pretest): the tab pages are tested in Debian's Chromium. Installs it when
// run as root (CI, containers); otherwise stops and says what to run. Plain JavaScript: it runs before any build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const configured = process.env.CHROMIUM;
const found = configured ? existsSync(configured) : CANDIDATES.some((path) => existsSync(path));

if (!found) {
  if (configured || typeof process.getuid !== 'function' || process.getuid() !== 0) {
    console.error(`The tab tests need Chromium and none was found (${configured ?? CANDIDATES.join(', ')}).\nInstall it with: sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM=/path/to/chrome), then run npm test again.`);
    process.exit(1);
  }
  console.log('Chromium is missing: installing it with apt-get (the tab tests drive it)…');
  const apt = (args) => {
    // Another apt may hold the dpkg lock for a while: wait for it rather than fail.
    for (let attempt = 1; ; attempt += 1) {
      try {
        execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=120', ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  };
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium']);
}
