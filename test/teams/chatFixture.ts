import { FixedClock } from '../../src/domain/clock';
import { startHarness, type BotHarness, type HarnessOptions } from '../../testkit/botHarness';
import { chatPerson, TeamsChat, type ChatPerson } from '../../testkit/teamsChat';

/** A board meeting chat with a chair (the organizer), members and a bot, on Wed 13 Mar 2019 at 14:00 London. */
export interface BoardChat {
  harness: BotHarness;
  chat: TeamsChat;
  clock: FixedClock;
  derek: ChatPerson;
  ellen: ChatPerson;
  sarah: ChatPerson;
  nicki: ChatPerson;
  people: ChatPerson[];
}

/**
 * Starts the bot with a fake Teams meeting chat whose organizer is Derek Benson, in `tenantId` (default
 * the test tenant), with the harness options given (a fake Graph, another store, the tabs' settings).
 */
export async function startBoardChat(options: Omit<HarnessOptions, 'clock'> & { tenantId?: string } = {}): Promise<BoardChat> {
  const { tenantId, ...harnessOptions } = options;
  const clock = new FixedClock('2019-03-13T14:00:00.000Z');
  const harness = await startHarness({ clock, ...harnessOptions });
  const chat = new TeamsChat(harness.connector.url, tenantId);
  const derek = chatPerson('Derek Benson');
  const ellen = chatPerson('Ellen Footman');
  const sarah = chatPerson('Sarah Berry');
  const nicki = chatPerson('Nicki Pettitt');
  const people = [derek, ellen, sarah, nicki];
  harness.connector.setMembers(chat.conversationId, people);
  harness.connector.setMeeting(chat.meetingId, {
    organizer: derek,
    title: 'Safeguarding Children Board',
    start: '2019-03-13T14:00:00Z',
    end: '2019-03-13T17:00:00Z',
  });
  return { harness, chat, clock, derek, ellen, sarah, nicki, people };
}

/** Adds the bot to the chat (Sarah adds it), so it reads the members and the meeting: Derek becomes the chair. */
export async function installBot(board: BoardChat): Promise<void> {
  const response = await board.harness.post(board.chat.installationUpdate(board.sarah));
  if (response.status !== 200) throw new Error(`the bot answered ${response.status} to being added`);
  board.harness.take();
}

/**
 * Gives every test in the file a fresh board chat (handed to `use`), and after each test checks that
 * no turn failed before stopping the bot: a test passes only if the bot handled every activity.
 */
export function useBoardChatPerTest(use: (board: BoardChat) => void, setup?: (board: BoardChat) => Promise<void>): void {
  let current: BoardChat | undefined;
  beforeEach(async () => {
    current = await startBoardChat();
    use(current);
    await setup?.(current);
  });
  afterEach(async () => {
    if (!current) return;
    const errors = current.harness.turnErrors;
    await current.harness.stop();
    expect(errors).toEqual([]);
  });
}
