import { cardOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import type { SentActivity } from '../../testkit/fakeConnector';
import { installBot, useBoardChatPerTest, type BoardChat } from '../teams/chatFixture';

/** A fresh board chat per test with the bot installed (so the organizer chairs), ready for scheduler tests. */
export function useSchedulerChatPerTest(use: (board: BoardChat) => void, setup?: (board: BoardChat) => Promise<void>): void {
  useBoardChatPerTest(use, async (board) => {
    await installBot(board);
    await setup?.(board);
  });
}

/** Says something in the meeting chat and forgets what the bot answered. */
export async function sayInChat(board: BoardChat, text: string, from = board.sarah): Promise<SentActivity[]> {
  const response = await board.harness.post(board.chat.message(from, text, board.people));
  expect(response.status).toBe(200);
  return board.harness.take();
}

/** Runs a scheduler pass at `at` and returns the new messages it sent (not card updates). */
export async function tickAt(board: BoardChat, at: string): Promise<SentActivity[]> {
  board.clock.set(at);
  const report = await board.harness.bot.tick(at);
  expect(report.failed).toBe(0);
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

/** The first line of a message's card, or its text. */
export function headline(sent: SentActivity | undefined): string {
  const card = cardOf(sent);
  return card ? (cardText(card)[0] ?? '') : String(sent?.body['text'] ?? '');
}

/** Every visible line of a message's card. */
export function linesOf(sent: SentActivity | undefined): string[] {
  return cardText(cardOf(sent));
}
