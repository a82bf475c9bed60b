/**
 * The import rules between rooms (eslint.config.mjs), checked against code that breaks them: each
 * wrong arrow must be reported, and the arrows the architecture allows must not be. `npm test`
 * lints the whole tree as well; this proves the rules would catch a wrong arrow at all.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

type Case = [filePath: string, code: string];

const forbidden: Case[] = [
  ['src/domain/x.ts', "import { ChatService } from '../services/chatService';"],
  ['src/domain/meetings/x.ts', "import type { Storage } from '../../store/storage';"],
  ['src/domain/x.ts', "import { DateTime } from 'pino';"],
  ['src/services/x.ts', "import type { Turn } from '../teams/turn';"],
  ['src/services/x.ts', "import { renderActionCard } from '../cards/actionCard';"],
  ['src/services/x.ts', "import { runTick } from '../scheduler/tick';"],
  ['src/services/x.ts', "import { openSqliteStorage } from '../store/sqlite/openSqliteStorage';"],
  ['src/store/x.ts', "import { ChatService } from '../services/chatService';"],
  ['src/store/sqlite/x.ts', "import { renderActionCard } from '../../cards/actionCard';"],
  ['src/cards/x.ts', "import type { Turn } from '../teams/turn';"],
  ['src/cards/x.ts', "import type { Storage } from '../store/storage';"],
  ['src/teams/x.ts', "import { TurnContext } from 'botbuilder';"],
  ['src/teams/handlers/x.ts', "import { Application } from '@microsoft/teams-ai';"],
  ['src/teams/handlers/x.ts', "import { openStorage } from '../../store/openStorage';"],
  ['src/scheduler/x.ts', "import { dispatch } from '../teams/dispatch';"],
  ['src/http/x.ts', "import { TurnContext } from 'botbuilder';"],
  ['src/startBot.ts', "import restify from 'restify';"],
  ['src/teams/dispatch.ts', "import { readTurn } from './botframework/readTurn';"],
  ['src/teams/handlers/x.ts', "import { turnReplies } from '../botframework/turnReplies';"],
  ['src/http/x.ts', "import { startBot } from '../startBot';"],
  ['src/teams/handlers/x.ts', "import { App } from '@microsoft/teams.apps';"],
  ['src/services/a/b/c/d/x.ts', "import type { Turn } from '../../../../../teams/turn';"],
  ['src/web/x.ts', "import { TurnContext } from 'botbuilder';"],
  ['src/web/x.ts', "import restify from 'restify';"],
  ['src/web/x.ts', "import { openStorage } from '../store/openStorage';"],
  ['src/web/x.ts', "import { dispatch } from '../teams/dispatch';"],
  ['src/web/pages/x.tsx', "import { TabService } from '../../services/tabService';"],
  ['src/web/pages/x.ts', "import { readFileSync } from 'node:fs';"],
  ['src/web/pages/x.ts', "import { TabApi } from '../tabApi';"],
  ['src/services/x.ts', "import { TabApi } from '../web/tabApi';"],
  ['src/teams/handlers/x.ts', "import { TabApi } from '../../web/tabApi';"],
  ['src/services/x.ts', "import { Client } from '@microsoft/microsoft-graph-client';"],
  ['src/services/x.ts', "import { GraphClient } from '../graph/graphClient';"],
  ['src/scheduler/jobs/x.ts', "import { GraphClient } from '../../graph/graphClient';"],
  ['src/teams/handlers/x.ts', "import { openGraph } from '../../graph/openGraph';"],
  ['src/teams/botframework/x.ts', "import { Client } from '@microsoft/microsoft-graph-client';"],
  ['src/startBot.ts', "import { Client } from '@microsoft/microsoft-graph-client';"],
  ['src/graph/x.ts', "import type { Turn } from '../teams/turn';"],
  ['src/graph/x.ts', "import type { Storage } from '../store/storage';"],
];

const allowed: Case[] = [
  ['src/domain/scheduling/x.ts', "import { buildActionLog } from '../minutes/actionLog';"],
  ['src/services/x.ts', "import type { Storage } from '../store/storage';"],
  ['src/teams/handlers/x.ts', "import { renderActionCard } from '../../cards/actionCard';"],
  ['src/teams/botframework/x.ts', "import { TurnContext } from 'botbuilder';"],
  ['src/scheduler/jobs/x.ts', "import { renderActionCard } from '../../cards/actionCard';"],
  ['src/http/x.ts', "import restify from 'restify';"],
  ['src/store/cosmos/x.ts', "import { CosmosClient } from '@azure/cosmos';"],
  ['src/web/x.ts', "import { TabService } from '../services/tabService';"],
  ['src/web/x.ts', "import { renderActionCard } from '../cards/actionCard';"],
  ['src/web/x.ts', "import type { Storage } from '../store/storage';"],
  ['src/http/x.ts', "import { TabApi } from '../web/tabApi';"],
  ['src/web/pages/x.tsx', "import type { PageAction } from '../tabApiTypes';"],
  ['src/web/pages/x.tsx', "import { Button } from '@fluentui/react-components';"],
  ['src/graph/x.ts', "import { Client } from '@microsoft/microsoft-graph-client';"],
  ['src/graph/x.ts', "import { GraphRefused } from '../services/graphFailures';"],
  ['src/graph/x.ts', "import type { OnlineMeetingRef } from '../domain/types';"],
  ['src/startBot.ts', "import { openGraph } from './graph/openGraph';"],
];

/**
 * Lints every case in one child process: ESLint loads its flat config with a dynamic import, which
 * jest's module sandbox does not allow. Answers, per case, the messages of `no-restricted-imports`.
 */
function restrictedImports(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint();
      const found = [];
      for (const [filePath, code] of cases) {
        const [result] = await eslint.lintText(code, { filePath });
        found.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(found));
    })();`;
  const output = execFileSync(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..'), input: JSON.stringify(cases), encoding: 'utf8' });
  return JSON.parse(output) as string[][];
}

const results = restrictedImports([...forbidden, ...allowed]);

test.each(forbidden.map((entry, index) => [...entry, index] as const))('%s may not: %s', (_filePath, _code, index) => {
  expect(results[index]).toHaveLength(1);
});

test.each(allowed.map((entry, index) => [...entry, forbidden.length + index] as const))('%s may: %s', (_filePath, _code, index) => {
  expect(results[index]).toEqual([]);
});
