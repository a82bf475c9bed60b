import tseslint from 'typescript-eslint';

/**
 * The rooms of src/ and what each may import: a wrong arrow fails `npm test` (which runs ESLint).
 * These rules are what docs/ARCHITECTURE.md draws. A room names the other rooms (paths under src/)
 * and the packages it must not reach. Imports here are relative, so each rule is written out for
 * every folder depth of the room: from src/services/x.ts the store's SQLite code is `../store/sqlite`,
 * from src/teams/handlers/x.ts it is `../../store/sqlite`, while domain/minutes/ stays domain's own.
 */
// The Teams SDK (@microsoft/teams.*) is listed too, so a move to it stays inside teams/botframework/'s successor.
const TEAMS_FRAMEWORK = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams-ai/*', '@microsoft/teams.*', '@microsoft/teams.*/**'];
const HTTP_SERVER = ['restify', 'restify/*'];
const STORE_DRIVERS = ['better-sqlite3', '@azure/cosmos', '@azure/cosmos/*'];
const GRAPH_SDK = ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*', '@microsoft/msgraph-sdk', '@microsoft/msgraph-sdk-*'];
const STORE_INSIDE = ['store/sqlite', 'store/cosmos', 'store/core', 'store/openStorage'];
const EVERY_ROOM = ['domain', 'services', 'store', 'cards', 'teams', 'http', 'scheduler', 'minutes', 'observability', 'graph', 'web', 'config', 'startBot', 'index'];

const rooms = [
  {
    path: 'domain',
    why: 'domain/ is plain TypeScript: it imports nothing outside itself and no framework.',
    rooms: EVERY_ROOM.filter((name) => name !== 'domain'),
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK, 'adaptivecards-templating', 'docx', 'pino', 'node:fs', 'node:net', 'node:http'],
  },
  {
    path: 'services',
    why: 'services/ owns the use-cases over ports: it knows no Teams, HTTP, scheduler, cards, Graph SDK or store implementation.',
    rooms: ['teams', 'http', 'scheduler', 'cards', 'graph', 'web', 'config', 'startBot', ...STORE_INSIDE],
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK, 'adaptivecards-templating'],
  },
  {
    path: 'store',
    why: 'store/ keeps the records: it knows no Teams, cards, services, scheduler or HTTP.',
    rooms: ['teams', 'cards', 'services', 'scheduler', 'http', 'minutes', 'graph', 'config', 'startBot'],
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...GRAPH_SDK],
  },
  {
    path: 'cards',
    why: 'cards/ renders Adaptive Cards from domain records: it knows no Teams, store, services, scheduler or HTTP.',
    rooms: ['teams', 'store', 'services', 'scheduler', 'http', 'graph', 'config', 'startBot'],
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK],
  },
  {
    path: 'scheduler',
    why: 'scheduler/ runs due jobs through services and ports: it knows no Teams, HTTP, Graph or store implementation.',
    rooms: ['teams', 'http', 'graph', 'web', 'startBot', ...STORE_INSIDE],
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK],
  },
  {
    path: 'teams',
    ignores: ['src/teams/botframework/**'],
    why: 'teams/ routes turns to use-cases: only teams/botframework/ imports botbuilder or teams-ai, and Teams code never reaches a store or Graph implementation.',
    rooms: ['http', 'scheduler', 'graph', 'web', 'startBot', ...STORE_INSIDE],
    // Handlers, routes and dispatch see Teams only through turn.ts: the adapter calls them, never the reverse.
    ownFolders: ['botframework'],
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK],
  },
  {
    path: 'teams/botframework',
    why: 'teams/botframework/ adapts botbuilder and teams-ai to the Teams room: it knows no store, scheduler, Graph or HTTP server.',
    rooms: ['http', 'scheduler', 'store', 'graph', 'web', 'startBot'],
    packages: [...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK],
  },
  {
    path: 'http',
    why: 'http/ serves the routes and hands Teams requests to the Teams room: it imports no Teams code, Graph or store implementation.',
    rooms: ['teams', 'scheduler', 'graph', 'startBot', ...STORE_INSIDE],
    packages: [...TEAMS_FRAMEWORK, ...STORE_DRIVERS, ...GRAPH_SDK],
  },
  {
    path: 'minutes',
    why: 'minutes/ renders documents and signs links: it knows no Teams, store, services, scheduler, Graph or HTTP room.',
    rooms: ['teams', 'store', 'services', 'scheduler', 'http', 'graph', 'config', 'startBot'],
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK],
  },
  {
    path: 'web',
    ignores: ['src/web/pages/**'],
    why: 'web/ serves the tabs\' pages, their JSON API and sign-in over the use-cases: it knows no Teams, HTTP server, scheduler, Graph or store implementation.',
    rooms: ['teams', 'http', 'scheduler', 'graph', 'startBot', ...STORE_INSIDE],
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK],
  },
  {
    path: 'observability',
    why: 'observability/ is a leaf: logs and telemetry, for every room.',
    rooms: EVERY_ROOM.filter((name) => name !== 'observability'),
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK],
  },
  {
    path: 'graph',
    why: 'graph/ adapts Microsoft Graph to the services\' ports: the only room importing the Graph SDK; it knows no Teams, store, scheduler, cards or HTTP.',
    rooms: ['teams', 'store', 'scheduler', 'cards', 'http', 'minutes', 'web', 'config', 'startBot'],
    packages: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS],
  },
];

/** Browser code: the tab pages run in the user's browser and share only the API's types with the server. */
const PAGE_RULES = {
  files: ['src/web/pages/**/*.ts', 'src/web/pages/**/*.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...EVERY_ROOM.flatMap((room) => [`../../${room}`, `../../${room}/**`]), '../*', '!../tabApiTypes', 'node:*', ...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...STORE_DRIVERS, ...GRAPH_SDK],
            message: 'web/pages/ is browser code: it imports React, Fluent UI, teams-js and the API types (../tabApiTypes), never the server\'s rooms or Node.',
          },
        ],
      },
    ],
  },
};

/** The deepest folder nesting under a room that the rules are written out for. */
const MAX_DEPTH = 6;

/**
 * One config block per folder depth of a room, banning the other rooms by the relative path they
 * take from there, and `ownFolders` (sub-folders of the room itself its other files must not reach).
 */
function blocksFor({ path, ignores, why, rooms: bannedRooms, ownFolders = [], packages }) {
  const own = path.split('/').length;
  return Array.from({ length: MAX_DEPTH }, (_, extra) => {
    const depth = own + extra;
    const up = '../'.repeat(depth);
    const inRoom = extra === 0 ? './' : '../'.repeat(extra);
    const group = [
      ...bannedRooms.flatMap((target) => [`${up}${target}`, `${up}${target}/**`]),
      ...ownFolders.flatMap((folder) => [`${inRoom}${folder}`, `${inRoom}${folder}/**`]),
      ...packages,
    ];
    return {
      files: [`src/${path}/${'*/'.repeat(extra)}*.ts`],
      ...(ignores ? { ignores } : {}),
      rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message: why }] }] },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'appPackage/build/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...rooms.flatMap(blocksFor),
  PAGE_RULES,
  {
    // The composition root and config wire everything, but still reach Teams, HTTP and Graph only through their rooms.
    files: ['src/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...TEAMS_FRAMEWORK, ...HTTP_SERVER, ...GRAPH_SDK], message: 'Only teams/botframework/ imports botbuilder or teams-ai, only http/ imports the HTTP server, and only graph/ imports the Graph SDK.' }] },
      ],
    },
  },
);
