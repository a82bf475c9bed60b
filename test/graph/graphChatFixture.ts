import { FakeGraph } from '../../testkit/fakeGraph';
import { installBot, startBoardChat, type BoardChat } from '../teams/chatFixture';

/** The board chat with Microsoft Graph configured: the bot talks to a fake Graph through the real SDK. */
export interface GraphBoardChat extends BoardChat {
  graph: FakeGraph;
}

/**
 * Gives every test a fresh board chat whose bot has Graph (a fake on 127.0.0.1), with the app added
 * to the chat by Sarah. Teams opens a 1:1 chat only with people who have the app, as the fake
 * Graph installs it (or `hasApp` says they had it already). `copilotInsights` turns on suggested
 * actions from Copilot's recaps. After each test no turn may have failed.
 */
export function useGraphBoardChatPerTest(
  use: (board: GraphBoardChat) => void,
  setup?: (board: GraphBoardChat) => Promise<void>,
  hasApp: (aadObjectId: string) => boolean = () => false,
  options: { copilotInsights?: boolean } = {},
): void {
  let current: GraphBoardChat | undefined;
  beforeEach(async () => {
    const graph = await new FakeGraph().start();
    const board = { ...(await startBoardChat({ graph, keepLogs: true, ...options })), graph };
    const aadOf = (teamsId: string) => board.people.find((person) => person.id === teamsId)?.aadObjectId ?? '';
    board.harness.connector.requireApp((teamsId) => hasApp(aadOf(teamsId)) || graph.isInstalledFor(aadOf(teamsId)));
    current = board;
    use(board);
    await installBot(board);
    await setup?.(board);
  });
  afterEach(async () => {
    if (!current) return;
    const errors = current.harness.turnErrors;
    await current.harness.stop();
    await current.graph.stop();
    expect(errors).toEqual([]);
  });
}

/** The log lines whose message contains `words`. */
export function logsSaying(board: BoardChat, words: string): Array<Record<string, unknown>> {
  return board.harness.logs.filter((line) => String(line['msg'] ?? '').includes(words));
}
