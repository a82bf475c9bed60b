import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../src/cards/verbs';
import type { AppConfig } from '../../src/config';
import { cardOf, type BotHarness } from '../../testkit/botHarness';
import { findExecute } from '../../testkit/cardText';
import { FakeEntra } from '../../testkit/fakeEntra';
import type { ChatPerson, TeamsChat } from '../../testkit/teamsChat';
import { installBot, startBoardChat, type BoardChat } from '../teams/chatFixture';

/** A board meeting chat in a real (GUID) tenant, the bot with the tabs on, and a fake Entra ID for their sign-in. */
export interface TabBoard extends BoardChat {
  entra: FakeEntra;
  /** Posts a chat message from `from` and returns what the bot sent. */
  say(text: string, from?: ChatPerson, chat?: TeamsChat): Promise<ReturnType<BotHarness['take']>>;
  /**
   * Captures an action and returns its posted card's ids; with `overdueOn`, the action is then given
   * that past due date from its card (a past date typed in `/action` asks to be confirmed first).
   */
  capture(text: string, from?: ChatPerson, overdueOn?: string): Promise<{ messageId: string; actionId: string }>;
  stop(): Promise<void>;
}

/** The Entra app of the tabs in these tests, and its Application ID URI. */
export const TAB_APP_ID = 'a1b2c3d4-0000-4000-8000-00000000ab12';
export const TAB_RESOURCE = `api://meeting-actions.example.org/${TAB_APP_ID}`;

/**
 * Starts the bot (local mode for Teams traffic, but the tabs signing in with Teams SSO tokens from
 * a fake Entra ID on 127.0.0.1, or with the development sign-in when `devSignIn`), a board chat
 * whose organizer Derek chairs, and the bot installed there.
 */
export async function startTabBoard(options: { devSignIn?: boolean; pagesDir?: string } = {}): Promise<TabBoard> {
  const entra = await new FakeEntra(TAB_APP_ID, TAB_RESOURCE).start();
  const tabs: NonNullable<AppConfig['tabs']> = {
    sso: { appId: TAB_APP_ID, resource: TAB_RESOURCE, keysUrl: entra.keysUrl, issuers: [entra.issuerTemplate] },
    devSignIn: options.devSignIn === true,
  };
  const board = await startBoardChat({ config: { tabs }, tenantId: randomUUID(), ...(options.pagesDir ? { pagesDir: options.pagesDir } : {}) });
  const { harness, chat, derek, sarah, people } = board;
  const say = async (text: string, from = sarah, where = chat) => {
    const response = await harness.post(where.message(from, text, people));
    if (response.status !== 200) throw new Error(`the bot answered ${response.status} to ${text}`);
    return harness.take();
  };
  await installBot(board);
  return {
    ...board,
    entra,
    say,
    capture: async (text, from = sarah, overdueOn) => {
      const posted = (await say(text, from)).find((sent) => sent.kind === 'send' || sent.kind === 'reply');
      const card = cardOf(posted);
      const actionId = /"actionId":"([^"]+)"/.exec(JSON.stringify(card ?? {}))?.[1];
      if (!posted?.newId || !actionId) throw new Error(`no action card was posted for ${text}`);
      if (overdueOn) {
        const redate = findExecute(card, CARD_VERBS.changeDue);
        const answer = await harness.post(chat.cardAction(derek, CARD_VERBS.changeDue, { ...redate?.data, due: overdueOn }, posted.newId));
        if (answer.status !== 200) throw new Error(`could not re-date ${text}`);
        harness.take();
      }
      return { messageId: posted.newId, actionId };
    },
    stop: async () => {
      const errors = harness.turnErrors;
      await harness.stop();
      await entra.stop();
      expect(errors).toEqual([]);
    },
  };
}
