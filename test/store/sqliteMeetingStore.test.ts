import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStores } from '../../src/store/createStores';
import { describeMeetingStoreContract } from './meetingStoreContract';

const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-meetings-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeMeetingStoreContract('sqlite', () => createStores({ kind: 'sqlite', dataDir }));
