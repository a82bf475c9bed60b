import { reminderJobId, userProfileId } from '../../src/domain/scheduling/jobIds';
import { nextReminderAt } from '../../src/domain/scheduling/reminderSlots';
import { DEFAULT_PREFERENCES, type ScheduledJob } from '../../src/domain/scheduling/schedulingTypes';
import { newSeries, withChair, withMembers } from '../../src/domain/series';
import { recordIdFromSource } from '../../src/domain/seriesId';
import type { Action, Person, Series, SeriesKey } from '../../src/domain/types';
import { ensureWeeklyDigest } from '../../src/services/reminderBooking';
import type { Storage } from '../../src/store/storage';

/** The instant every scheduler bench ticks at: Monday 18 March 2019, 09:00 in London (GMT). */
export const TICK_AT = '2019-03-18T09:00:00.000Z';
const TENANT = 'tenant-bench';
const ZONE = 'Europe/London';
const CREATED = '2019-03-01T10:00:00.000Z';
/** Members per chat, as in the load sections. */
const MEMBERS = 20;

/** A chat of the seeded world: its key, series and its members as people. */
interface SeededChat {
  key: SeriesKey;
  series: Series;
  people: Person[];
}

/**
 * Seeds `actions` actions over chats of 100 for the tick bench: `due` of them open and due today,
 * so their reminders are due at `TICK_AT`; a tenth open and due in June (reminders far ahead);
 * the rest closed, with no jobs. The due ones are spread evenly and each has its own owner, so
 * the due work is the same whatever the size. Returns the due reminder jobs as seeded, to put
 * them back between timed ticks.
 */
export async function seedTickStore(stores: Storage, options: { actions: number; due: number; serviceUrl: string }): Promise<ScheduledJob[]> {
  const stride = Math.max(1, Math.floor(options.actions / options.due));
  const chats = new Map<number, SeededChat>();
  let dueCount = 0;
  for (let index = 0; index < options.actions; index += 1) {
    const chatIndex = Math.floor(index / 100);
    const chat = chats.get(chatIndex) ?? (await seedChat(stores, chatIndex, options.serviceUrl));
    chats.set(chatIndex, chat);
    const isDue = index % stride === 0 && dueCount < options.due;
    // Each due action of a chat goes to a different member, so every due reminder has its own owner.
    const owner = chat.people[(isDue ? dueCount : index) % MEMBERS] ?? chat.people[0];
    if (!owner) throw new Error('a seeded chat has no members');
    if (isDue) dueCount += 1;
    const status = isDue || index % 10 === 1 ? 'open' : 'closed';
    const action = actionOf(chat, index % 100 + 1, owner, isDue ? '2019-03-18' : '2019-06-28', status);
    await stores.chats.insertAction(action);
    if (status === 'open') await bookPlaced(stores, action, chat.series, TICK_AT);
  }
  const due = await stores.jobs.listDueJobs(TICK_AT, options.due + 1);
  if (due.length !== options.due) throw new Error(`seeded ${due.length} due jobs, expected ${options.due}`);
  return due.map((job) => job.value);
}

/**
 * Seeds `owners` people for the digest bench, each owning `perOwner` open actions (the last one in
 * the next chat, so a digest spans two chats) with reminders weeks ahead, and a weekly digest job
 * due at `TICK_AT`.
 */
export async function seedDigestStore(stores: Storage, options: { owners: number; perOwner: number; serviceUrl: string }): Promise<void> {
  const chatCount = Math.ceil(options.owners / MEMBERS);
  const chats: SeededChat[] = [];
  for (let index = 0; index < chatCount; index += 1) chats.push(await seedChat(stores, index, options.serviceUrl));
  const numbers = new Map<number, number>();
  // The digest job is booked for the next Monday 09:00 after this, which is TICK_AT.
  const bookedAt = new Date(Date.parse(TICK_AT) - 60 * 60 * 1000).toISOString();
  for (let ownerIndex = 0; ownerIndex < options.owners; ownerIndex += 1) {
    const home = Math.floor(ownerIndex / MEMBERS);
    const owner = chats[home]?.people[ownerIndex % MEMBERS];
    if (!owner) throw new Error(`no seeded person ${ownerIndex}`);
    for (let slot = 0; slot < options.perOwner; slot += 1) {
      const chatIndex = slot === options.perOwner - 1 && options.perOwner > 1 ? (home + 1) % chatCount : home;
      const chat = chats[chatIndex];
      if (!chat) throw new Error('a seeded chat is missing');
      const number = (numbers.get(chatIndex) ?? 0) + 1;
      numbers.set(chatIndex, number);
      // Due from mid-April, so no reminder is due at the tick: the pass does the digests alone.
      const action = actionOf(chat, number, owner, `2019-04-${String(10 + slot).padStart(2, '0')}`, 'open');
      await stores.chats.insertAction(action);
      await bookPlaced(stores, action, chat.series, bookedAt);
    }
  }
  const due = await stores.jobs.listDueJobs(TICK_AT, options.owners + 1);
  if (due.length !== options.owners) throw new Error(`seeded ${due.length} due digest jobs, expected ${options.owners}`);
}

/** Stores a chat of 20 members with a chair, and each member's profile with their 1:1 chat. */
async function seedChat(stores: Storage, chatIndex: number, serviceUrl: string): Promise<SeededChat> {
  const key = { tenantId: TENANT, conversationId: `19:meeting_bench${chatIndex}@thread.v2` };
  const people: Person[] = Array.from({ length: MEMBERS }, (_, member) => ({
    id: `aad-${chatIndex}-${member}`,
    name: `${['Derek', 'Ellen', 'Sarah', 'Nicki', 'James'][member % 5] ?? 'Member'} ${['Benson', 'Footman', 'Berry', 'Pettitt'][member % 4] ?? ''}${chatIndex}-${member}`,
    teamsId: `29:1bench${chatIndex}-${member}`,
  }));
  const chair = people[0] ?? { id: 'chair', name: 'Chair' };
  const series: Series = { ...withChair(withMembers(newSeries(key, ZONE, CREATED), people, CREATED), chair, 'organizer'), serviceUrl, lastActionNumber: 100 };
  await stores.chats.putSeries(series);
  for (const person of people) {
    await stores.users.putProfile({
      id: userProfileId(TENANT, person.id),
      tenantId: TENANT,
      userId: person.id,
      name: person.name,
      ...(person.teamsId ? { teamsId: person.teamsId } : {}),
      personalChat: { conversationId: `a:1${person.id}`, serviceUrl },
      timeZone: ZONE,
      locale: 'en-GB',
      preferences: DEFAULT_PREFERENCES,
    });
  }
  return { key, series, people };
}

/**
 * The jobs an action's owner has once the scheduler has placed the reminder a capture booked: the
 * reminder at its first slot in the owner's zone at 09:00, and a weekly digest from `bookedAt`.
 */
async function bookPlaced(stores: Storage, action: Action, series: Series, bookedAt: string): Promise<void> {
  for (const owner of action.owners) {
    const dueAt = nextReminderAt(action, action.createdAt, ZONE, DEFAULT_PREFERENCES.hour);
    await stores.jobs.putJob({ id: reminderJobId(action.id, owner.id), tenantId: action.tenantId, kind: 'actionReminder', series: { tenantId: action.tenantId, conversationId: action.conversationId }, actionId: action.id, ownerId: owner.id, ...(dueAt ? { dueAt } : {}) });
    await ensureWeeklyDigest({ jobs: stores.jobs, users: stores.users, defaultLocale: 'en-GB' }, action.tenantId, owner, series, bookedAt);
  }
}

function actionOf(chat: SeededChat, number: number, owner: Person, due: string, status: Action['status']): Action {
  const chair = chat.series.chair ?? owner;
  const closed = status === 'closed' ? { closedBy: chair, closedAt: '2019-03-13T15:00:00.000Z' } : {};
  return {
    id: recordIdFromSource('action', chat.key, `bench-${number}-${owner.id}`),
    seriesId: chat.series.id,
    ...chat.key,
    number,
    text: `Circulate the revised safeguarding protocol to the panel (${number})`,
    owners: [owner],
    due,
    item: { number: '2.2', title: 'S157/175 Safeguarding Audit' },
    meetingDate: '2019-03-01',
    status,
    createdBy: chair,
    createdAt: CREATED,
    ...closed,
    history: [
      { id: `created-${number}`, kind: 'created', by: chair, at: CREATED },
      { id: `update-${number}`, kind: 'update', by: owner, at: '2019-03-08T10:00:00.000Z', note: 'Draft circulated to the panel chair for comment.' },
      ...(status === 'closed' ? [{ id: `closed-${number}`, kind: 'closed' as const, by: chair, at: '2019-03-13T15:00:00.000Z', note: 'Done.' }] : []),
    ],
    cards: [{ conversationId: chat.key.conversationId, activityId: `sent-${number}`, serviceUrl: chat.series.serviceUrl ?? '' }],
  };
}
