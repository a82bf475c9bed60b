import { CARD_VERBS } from '../../src/cards/verbs';
import { findExecute } from '../../testkit/cardText';
import { randomUUID } from 'node:crypto';
import { FixedClock } from '../../src/domain/clock';
import type { AppConfig } from '../../src/config';
import { cardOf, startHarness, type BotHarness } from '../../testkit/botHarness';
import { FakeEntra } from '../../testkit/fakeEntra';
import { chatPerson, TeamsChat, type ChatPerson } from '../../testkit/teamsChat';

/** A board meeting chat in a real (GUID) tenant, the bot with the tabs on, and a fake Entra ID for their sign-in. */
export interface TabBoard {
  harness: BotHarness;
  entra: FakeEntra;
  chat: TeamsChat;
  clock: FixedClock;
  derek: ChatPerson;
  ellen: ChatPerson;
  sarah: ChatPerson;
  nicki: ChatPerson;
  people: ChatPerson[];
  /** Posts a chat message from `from` and returns what the bot sent. */
  say(text: string, from?: ChatPerson, chat?: TeamsChat): Promise<ReturnType<BotHarness['take']>>;
  /** Captures an action in the chat and returns the id of its posted card. */
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
  const clock = new FixedClock('2019-03-13T14:00:00.000Z');
  const tabs: NonNullable<AppConfig['tabs']> = {
    sso: { appId: TAB_APP_ID, resource: TAB_RESOURCE, keysUrl: entra.keysUrl, issuers: [entra.issuerTemplate] },
    devSignIn: options.devSignIn === true,
  };
  const harness = await startHarness({ clock, config: { tabs }, ...(options.pagesDir ? { pagesDir: options.pagesDir } : {}) });
  const chat = new TeamsChat(harness.connector.url, randomUUID());
  const derek = chatPerson('Derek Benson');
  const ellen = chatPerson('Ellen Footman');
  const sarah = chatPerson('Sarah Berry');
  const nicki = chatPerson('Nicki Pettitt');
  const people = [derek, ellen, sarah, nicki];
  harness.connector.setMembers(chat.conversationId, people);
  harness.connector.setMeeting(chat.meetingId, { organizer: derek, title: 'Safeguarding Children Board', start: '2019-03-13T14:00:00Z', end: '2019-03-13T17:00:00Z' });
  const say = async (text: string, from = sarah, where = chat) => {
    const response = await harness.post(where.message(from, text, people));
    if (response.status !== 200) throw new Error(`the bot answered ${response.status} to ${text}`);
    return harness.take();
  };
  await harness.post(chat.installationUpdate(sarah));
  harness.take();
  return {
    harness,
    entra,
    chat,
    clock,
    derek,
    ellen,
    sarah,
    nicki,
    people,
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
