import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../src/domain/clock';
import type { ChatRecords } from '../../src/store/chatRecords';
import { openStorage } from '../../src/store/openStorage';
import type { Storage } from '../../src/store/storage';
import { StoreUnavailableError } from '../../src/store/storeErrors';
import { dialogReply, startHarness, type BotHarness } from '../../testkit/botHarness';
import { findSubmit } from '../../testkit/cardText';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';

// When saving from the dialog fails on our side, the dialog is still answered in words (HTTP 200, never a 5xx)
// and says nothing untrue about what was saved.

let dir: string;
let storage: Storage;
let harness: BotHarness;
let chat: TeamsChat;
/** What the next batch write does instead of writing: nothing set means it writes. */
let failWrites: (() => never) | undefined;
const sarah = chatPerson('Sarah Berry');
const ellen = chatPerson('Ellen Footman');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dialog-failures-'));
  const real = await openStorage({ kind: 'sqlite', dataDir: dir });
  const chats: ChatRecords = Object.create(real.chats) as ChatRecords;
  chats.writeTogether = (key, writes) => (failWrites ? failWrites() : real.chats.writeTogether(key, writes));
  storage = { ...real, chats };
  failWrites = undefined;
  harness = await startHarness({ clock: new FixedClock('2019-03-13T14:00:00.000Z'), storage });
  chat = new TeamsChat(harness.connector.url);
  harness.connector.setMembers(chat.conversationId, [sarah, ellen]);
});
afterEach(async () => {
  await harness.stop();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the dialog on a message and returns the Save that would follow it. */
async function saveOfDialog(): Promise<Record<string, unknown>> {
  const payload = chat.messagePayload(sarah, '<at>Ellen Footman</at> please book the room', [sarah, ellen]);
  const opened = dialogReply((await harness.post(chat.fetchTask(sarah, { messagePayload: payload }))).body);
  if (opened.kind !== 'dialog') throw new Error('no dialog');
  return chat.submitAction(sarah, { messagePayload: payload, data: { ...findSubmit(opened.card), text: 'Book the room', owners: ellen.aadObjectId } });
}

test('a store outage during Save answers "Not saved" in the dialog, and nothing is saved', async () => {
  const save = await saveOfDialog();
  failWrites = () => {
    throw new StoreUnavailableError('scripted outage');
  };
  const response = await harness.post(save);
  expect(response.status).toBe(200);
  expect(dialogReply(response.body)).toEqual({ kind: 'message', text: 'Not saved: the meeting record is unavailable right now. Nothing was changed; please try again in a minute.' });
  expect(await storage.chats.listActions({ tenantId: chat.tenantId, conversationId: chat.conversationId })).toEqual([]);
  expect(harness.turnErrors).toEqual([]);
});

test('an unexpected failure answers the dialog in words, pointing to /actions rather than promising nothing was saved', async () => {
  const save = await saveOfDialog();
  failWrites = () => {
    throw new Error('scripted bug');
  };
  const response = await harness.post(save);
  expect(response.status).toBe(200);
  expect(dialogReply(response.body)).toEqual({ kind: 'message', text: 'Something went wrong on my side. Type /actions in the chat to see whether your action was saved before trying again.' });
  expect(harness.turnErrors).toEqual([expect.objectContaining({ message: 'scripted bug' })]);
});
