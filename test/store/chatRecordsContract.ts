/**
 * The behaviour every `ChatRecords` must have, written once and run against each backend through
 * `openStorage`. Ported from the contracts of the stores it replaces (`storeContract.ts`,
 * `meetingStoreContract.ts`), plus what the new port adds: reading a series and an action in one
 * request, and writing several records together. Each test builds its own series with fresh random
 * tenant and chat ids, so the tests share one database without cleaning between them.
 */
import { historyPageId } from '../../src/domain/actionHistory';
import { closeMeeting } from '../../src/domain/meetings/meetingLifecycle';
import { seriesIdOf } from '../../src/domain/seriesId';
import type { Series } from '../../src/domain/types';
import type { ChatRecords } from '../../src/store/chatRecords';
import type { Storage } from '../../src/store/storage';
import { BatchWriteRefused, ConcurrencyError } from '../../src/store/storeErrors';
import { aDecision, aPerson, aSeries, aSeriesKey, anAction } from '../builders';
import { aMeeting, aNote } from '../meetingBuilders';

/** What differs between backends and the contract must know. */
export interface ChatRecordsBackend {
  /**
   * True if a refused batch wrote nothing (SQLite, real Cosmos DB). The local Cosmos protocol
   * server applies the writes before the refused one, so there only the refused write and those
   * after it are checked.
   */
  atomicBatches: boolean;
}

/** Registers the contract for one backend; `open` may be called several times (two writers). */
export function describeChatRecordsContract(
  name: string,
  open: () => Promise<Storage>,
  backend: ChatRecordsBackend,
  cleanup?: () => Promise<void>,
): void {
  describe(`ChatRecords contract: ${name}`, () => {
    let store: ChatRecords;
    const opened: Storage[] = [];

    async function openStore(): Promise<ChatRecords> {
      const storage = await open();
      opened.push(storage);
      return storage.chats;
    }

    beforeEach(async () => {
      store = await openStore();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((each) => each.close()));
    });

    if (cleanup) afterAll(cleanup);

    describe('series', () => {
      it('reads back what was created, with an etag', async () => {
        const series = aSeries({ currentItem: { number: '2.2', title: 'Audit' }, meetingId: 'meeting-1', latestMeeting: { id: 'meeting-x', date: '2019-03-13' } });
        const written = await store.putSeries(series);

        const read = await store.getSeries(series);

        expect(read).toEqual({ value: series, etag: written.etag });
        expect(written.etag).toEqual(expect.any(String));
      });

      it('answers undefined for a chat that never used the bot', async () => {
        expect(await store.getSeries(aSeriesKey())).toBeUndefined();
      });

      it('refuses to create a series twice', async () => {
        const series = aSeries();
        await store.putSeries(series);

        await expect(store.putSeries({ ...series, timeZone: 'Asia/Tokyo' })).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await store.getSeries(series))?.value.timeZone).toBe('Europe/London');
      });

      it('replaces with the current etag and hands out a new one', async () => {
        const series = aSeries();
        const first = await store.putSeries(series);

        const second = await store.putSeries({ ...series, lastActionNumber: 1 }, first.etag);

        expect(second.etag).not.toBe(first.etag);
        expect(await store.getSeries(series)).toEqual({ value: { ...series, lastActionNumber: 1 }, etag: second.etag });
      });

      it('rejects a stale etag and keeps the newer value', async () => {
        const series = aSeries();
        const first = await store.putSeries(series);
        await store.putSeries({ ...series, lastActionNumber: 1 }, first.etag);

        await expect(store.putSeries({ ...series, lastActionNumber: 99 }, first.etag)).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await store.getSeries(series))?.value.lastActionNumber).toBe(1);
      });

      it('refuses a series whose id was not derived from its tenant and chat', async () => {
        const series: Series = { ...aSeries(), id: seriesIdOf(aSeriesKey()) };

        await expect(store.putSeries(series)).rejects.toThrow(/series id/);
      });
    });

    describe('actions', () => {
      it('round-trips every field, including long and right-to-left text', async () => {
        const series = aSeries();
        const action = anAction(series, {
          text: `مراجعة البروتوكول — 見直し 🚸👩🏽‍⚖️ ${'x'.repeat(20_000)}`,
          owners: [aPerson('Zoë Ångström'), aPerson('שרה כהן')],
          closedBy: aPerson('Chris Chair'),
          closedAt: '2019-03-20T12:00:00.000Z',
          status: 'closed',
          history: [
            { id: 'h1', kind: 'created', by: aPerson('Chris Chair'), at: '2019-03-13T10:05:00.000Z' },
            { id: 'h2', kind: 'closed', by: aPerson('Zoë Ångström'), at: '2019-03-20T12:00:00.000Z', note: 'Sent ✉️' },
          ],
          cards: [{ conversationId: series.conversationId, activityId: '1:abc', serviceUrl: 'https://smba.example/' }],
        });

        const { created, stored } = await store.insertAction(action);

        expect(created).toBe(true);
        expect(stored.value).toEqual(action);
        expect(await store.getAction(series, action.id)).toEqual({ value: action, etag: stored.etag });
        expect(await store.listActions(series)).toEqual([action]);
      });

      it('keeps the first of two inserts with the same id and says the second created nothing', async () => {
        const series = aSeries();
        const action = anAction(series);
        const first = await store.insertAction(action);

        const second = await store.insertAction({ ...action, text: 'redelivered copy' });

        expect(second).toEqual({ created: false, stored: first.stored });
        expect(await store.listActions(series)).toEqual([action]);
      });

      it('answers undefined for an action that does not exist', async () => {
        const series = aSeries();
        expect(await store.getAction(series, 'action-missing')).toBeUndefined();
        expect(await store.getActionByNumber(series, 7)).toBeUndefined();
      });

      it('finds an action by its typed number', async () => {
        const series = aSeries();
        for (const number of [1, 2, 3]) await store.insertAction(anAction(series, { number }));

        const found = await store.getActionByNumber(series, 2);

        expect(found?.value.number).toBe(2);
        expect(found?.etag).toEqual((await store.getAction(series, found?.value.id ?? ''))?.etag);
      });

      it('lists in numeric order (10 after 9) and filters by status', async () => {
        const series = aSeries();
        for (const number of [10, 2, 9, 1]) {
          await store.insertAction(anAction(series, { number, status: number % 2 === 0 ? 'closed' : 'open' }));
        }

        expect((await store.listActions(series)).map((a) => a.number)).toEqual([1, 2, 9, 10]);
        expect((await store.listActions(series, { status: 'open' })).map((a) => a.number)).toEqual([1, 9]);
        expect((await store.listActions(series, { status: 'closed' })).map((a) => a.number)).toEqual([2, 10]);
      });

      it('replaces with the current etag, so a close is visible to the next reader and filter', async () => {
        const series = aSeries();
        const { stored } = await store.insertAction(anAction(series));
        const closed = { ...stored.value, status: 'closed' as const, closedBy: aPerson('Derek Benson') };

        const replaced = await store.replaceAction(closed, stored.etag);

        expect(replaced.etag).not.toBe(stored.etag);
        expect(await store.getAction(series, closed.id)).toEqual({ value: closed, etag: replaced.etag });
        expect(await store.listActions(series, { status: 'open' })).toEqual([]);
        expect(await store.listActions(series, { status: 'closed' })).toEqual([closed]);
      });

      it('rejects a stale etag and changes nothing', async () => {
        const series = aSeries();
        const { stored } = await store.insertAction(anAction(series));
        const updated = await store.replaceAction({ ...stored.value, text: 'first edit' }, stored.etag);

        await expect(store.replaceAction({ ...stored.value, text: 'lost edit' }, stored.etag)).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.getAction(series, stored.value.id)).toEqual(updated);
      });

      it('rejects replacing an action that was never inserted', async () => {
        const series = aSeries();
        const action = anAction(series);

        await expect(store.replaceAction(action, 'made-up-etag')).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.getAction(series, action.id)).toBeUndefined();
      });

      it('lets exactly one of two concurrent writers with the same etag win', async () => {
        const series = aSeries();
        const { stored } = await store.insertAction(anAction(series));
        const otherWriter = await openStore();

        const results = await Promise.allSettled([
          store.replaceAction({ ...stored.value, text: 'writer A' }, stored.etag),
          otherWriter.replaceAction({ ...stored.value, text: 'writer B' }, stored.etag),
        ]);

        const winners = results.filter((r) => r.status === 'fulfilled');
        const losers = results.filter((r) => r.status === 'rejected');
        expect(winners).toHaveLength(1);
        expect(losers.map((r) => r.reason)).toEqual([expect.any(ConcurrencyError)]);
        const winner = winners[0]?.status === 'fulfilled' ? winners[0].value : undefined;
        expect(await store.getAction(series, stored.value.id)).toEqual(winner);
      });

      it('refuses an action filed under another chat', async () => {
        const series = aSeries();
        const action = { ...anAction(series), seriesId: seriesIdOf(aSeriesKey()) };

        await expect(store.insertAction(action)).rejects.toThrow(/series id/);
        await expect(store.replaceAction(action, 'any-etag')).rejects.toThrow(/series id/);
      });
    });

    describe('decisions', () => {
      it('round-trips, keeps the first of two inserts with one id, and lists in recording order', async () => {
        const series = aSeries();
        const later = aDecision(series, { number: 2, recordedAt: '2019-03-13T11:00:00.000Z', text: 'قرار ✅' });
        const earlier = aDecision(series, { number: 1, recordedAt: '2019-03-13T10:00:00.000Z' });

        const first = await store.insertDecision(later);
        await store.insertDecision(earlier);
        const again = await store.insertDecision({ ...later, text: 'redelivered copy' });

        expect(first.created).toBe(true);
        expect(again).toEqual({ created: false, stored: first.stored });
        expect(await store.listDecisions(series)).toEqual([earlier, later]);
      });

      it('breaks ties in recording time by decision number', async () => {
        const series = aSeries();
        const at = '2019-03-13T10:00:00.000Z';
        await store.insertDecision(aDecision(series, { number: 3, recordedAt: at }));
        await store.insertDecision(aDecision(series, { number: 1, recordedAt: at }));

        expect((await store.listDecisions(series)).map((d) => d.number)).toEqual([1, 3]);
      });

      it('reads one decision by id, with the etag it was stored with', async () => {
        const series = aSeries();
        const decision = aDecision(series);
        const { stored } = await store.insertDecision(decision);

        expect(await store.getDecision(series, decision.id)).toEqual({ value: decision, etag: stored.etag });
        expect(await store.getDecision(series, 'decision-missing')).toBeUndefined();
        expect(await store.getDecision(aSeries(), decision.id)).toBeUndefined();
      });

      it('refuses a decision filed under another chat', async () => {
        const decision = { ...aDecision(aSeries()), seriesId: seriesIdOf(aSeriesKey()) };

        await expect(store.insertDecision(decision)).rejects.toThrow(/series id/);
      });
    });

    describe('meetings and notes', () => {
      it('reads back a created meeting with its attendance, and refuses to create it twice', async () => {
        const series = aSeries();
        const meeting = aMeeting(series, { present: [{ person: aPerson('Helen Hey'), role: 'Early Help', deputisingFor: aPerson('Sarah Wilkins') }], title: 'Board' });
        const written = await store.putMeeting(meeting);

        expect(await store.getMeeting(series, meeting.id)).toEqual({ value: meeting, etag: written.etag });
        await expect(store.putMeeting({ ...meeting, title: 'Other' })).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await store.getMeeting(series, meeting.id))?.value.title).toBe('Board');
      });

      it('replaces with the current etag and rejects a stale one, keeping the newer value', async () => {
        const series = aSeries();
        const meeting = aMeeting(series);
        const first = await store.putMeeting(meeting);
        const second = await store.putMeeting({ ...meeting, items: [{ number: '2.1', title: 'Minutes' }] }, first.etag);

        expect(second.etag).not.toBe(first.etag);
        await expect(store.putMeeting({ ...meeting, title: 'Stale' }, first.etag)).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await store.getMeeting(series, meeting.id))?.value.items).toEqual([{ number: '2.1', title: 'Minutes' }]);
      });

      it('finds the open meeting (the latest, should two be open) and lists meetings oldest first', async () => {
        const series = aSeries();
        const december = closeMeeting(aMeeting(series, { date: '2018-12-05' }), 'event', '2018-12-05T17:00:00.000Z');
        const june = aMeeting(series, { date: '2019-06-12' });
        const march = aMeeting(series, { date: '2019-03-13' });
        for (const meeting of [june, december, march]) await store.putMeeting(meeting);

        expect((await store.getOpenMeeting(series))?.value.id).toBe(june.id);
        expect((await store.listMeetings(series)).map((meeting) => meeting.date)).toEqual(['2018-12-05', '2019-03-13', '2019-06-12']);
        expect(await store.getOpenMeeting(aSeries())).toBeUndefined();
        expect(await store.listMeetings(aSeries())).toEqual([]);
      });

      it('hands back the open meeting with the etag a close must quote', async () => {
        const series = aSeries();
        const written = await store.putMeeting(aMeeting(series));

        const open = await store.getOpenMeeting(series);

        expect(open).toEqual(written);
        await store.putMeeting(closeMeeting(written.value, 'command', '2019-03-13T16:00:00.000Z'), open?.etag);
        expect(await store.getOpenMeeting(series)).toBeUndefined();
      });

      it("saves a note once per id and lists a meeting's notes in order, not another meeting's", async () => {
        const series = aSeries();
        const march = aMeeting(series);
        const june = aMeeting(series, { date: '2019-06-12' });
        const second = aNote(series, march, { text: 'Second', at: '2019-03-13T14:30:00.000Z' });
        const first = aNote(series, march, { text: 'First', at: '2019-03-13T14:10:00.000Z' });

        expect(await store.insertNote(second)).toEqual({ created: true, stored: second });
        expect(await store.insertNote({ ...second, text: 'Redelivered' })).toEqual({ created: false, stored: second });
        await store.insertNote(first);
        await store.insertNote(aNote(series, june, { text: 'June' }));

        expect((await store.listNotes(series, march.id)).map((note) => note.text)).toEqual(['First', 'Second']);
      });

      it("keeps one chat's meetings from another's, even with the same day and ordinal", async () => {
        const one = aSeries();
        const other = aSeries();
        await store.putMeeting(aMeeting(one));

        expect(await store.getOpenMeeting(other)).toBeUndefined();
        expect(await store.getMeeting(other, aMeeting(one).id)).toBeUndefined();
      });

      it('refuses a meeting or note filed under another chat', async () => {
        const series = aSeries();
        const meeting = { ...aMeeting(series), seriesId: seriesIdOf(aSeriesKey()) };

        await expect(store.putMeeting(meeting)).rejects.toThrow(/series id/);
        await expect(store.insertNote({ ...aNote(series, meeting), seriesId: meeting.seriesId })).rejects.toThrow(/series id/);
      });
    });

    describe('a chat with every kind of record', () => {
      it('lists actions and decisions apart from each other and from the series', async () => {
        const series = aSeries();
        await store.putSeries(series);
        const action = anAction(series);
        const decision = aDecision(series);
        await store.insertAction(action);
        await store.insertDecision(decision);

        expect(await store.listActions(series)).toEqual([action]);
        expect(await store.listDecisions(series)).toEqual([decision]);
        expect(await store.getAction(series, decision.id)).toBeUndefined();
        expect(await store.getAction(series, series.id)).toBeUndefined();
      });

      it('reads each kind only as itself, and lists meetings and notes apart from actions', async () => {
        const series = aSeries();
        await store.putSeries(series);
        const meeting = aMeeting(series);
        await store.putMeeting(meeting);
        const note = aNote(series, meeting);
        await store.insertNote(note);
        const action = anAction(series, { meetingId: meeting.id });
        await store.insertAction(action);

        expect(await store.getMeeting(series, action.id)).toBeUndefined();
        expect(await store.getDecision(series, note.id)).toBeUndefined();
        expect(await store.getMeeting(series, series.id)).toBeUndefined();
        expect(await store.listMeetings(series)).toEqual([meeting]);
        expect(await store.listNotes(series, meeting.id)).toEqual([note]);
        expect(await store.listActions(series)).toEqual([action]);
      });
    });

    describe('tenant isolation', () => {
      it('never shows one tenant the records of the same chat id in another tenant', async () => {
        const conversationId = '19:meeting_shared@thread.v2';
        const mine = aSeries({ conversationId });
        const theirs = aSeries({ conversationId });
        await store.putSeries(mine);
        const action = anAction(mine);
        await store.insertAction(action);
        await store.insertDecision(aDecision(mine));

        expect(await store.getSeries(theirs)).toBeUndefined();
        expect(await store.getAction(theirs, action.id)).toBeUndefined();
        expect(await store.getActionByNumber(theirs, action.number)).toBeUndefined();
        expect(await store.getSeriesAndAction(theirs, { id: action.id })).toEqual({});
        expect(await store.getSeriesAndAction(theirs, { number: action.number })).toEqual({});
        expect(await store.listActions(theirs)).toEqual([]);
        expect(await store.listDecisions(theirs)).toEqual([]);
      });

      it('keeps same-id records of two chats apart', async () => {
        const mine = aSeries();
        const theirs = aSeries();
        const id = 'action-same-id';

        await store.insertAction(anAction(mine, { id, text: 'mine' }));
        const second = await store.insertAction(anAction(theirs, { id, text: 'theirs' }));

        expect(second.created).toBe(true);
        expect((await store.getAction(mine, id))?.value.text).toBe('mine');
        expect((await store.getAction(theirs, id))?.value.text).toBe('theirs');
      });
    });

    describe('getSeriesAndActions', () => {
      it('reads the series and its actions of one status in number order, leaving other records out', async () => {
        const series = aSeries();
        const storedSeries = await store.putSeries(series);
        const ten = anAction(series, { number: 10 });
        const nine = anAction(series, { number: 9 });
        const closed = anAction(series, { number: 3, status: 'closed' });
        for (const action of [ten, closed, nine]) await store.insertAction(action);
        await store.insertDecision(aDecision(series, { number: 1 }));

        expect(await store.getSeriesAndActions(series, { status: 'open' })).toEqual({ series: storedSeries, actions: [nine, ten] });
        expect(await store.getSeriesAndActions(series)).toEqual({ series: storedSeries, actions: [closed, nine, ten] });
      });

      it('answers no series and no actions for a chat that never used the bot, and only its own chat\'s', async () => {
        const theirs = aSeries();
        await store.putSeries(theirs);
        await store.insertAction(anAction(theirs, { number: 1 }));

        expect(await store.getSeriesAndActions(aSeries({ conversationId: theirs.conversationId }))).toEqual({ actions: [] });
      });
    });

    describe('getSeriesAndAction', () => {
      it('reads the series and an action by id, each with the etag a write must quote', async () => {
        const series = aSeries();
        const storedSeries = await store.putSeries(series);
        const { stored } = await store.insertAction(anAction(series, { number: 4 }));
        await store.insertAction(anAction(series, { number: 5 }));

        expect(await store.getSeriesAndAction(series, { id: stored.value.id })).toEqual({ series: storedSeries, action: stored });
      });

      it('reads the series and an action by its typed number', async () => {
        const series = aSeries();
        const storedSeries = await store.putSeries(series);
        await store.insertAction(anAction(series, { number: 1 }));
        const { stored } = await store.insertAction(anAction(series, { number: 2 }));
        await store.insertDecision(aDecision(series, { number: 2 }));

        expect(await store.getSeriesAndAction(series, { number: 2 })).toEqual({ series: storedSeries, action: stored });
      });

      it('answers the parts it found: no action, no series, or neither', async () => {
        const series = aSeries();
        const storedSeries = await store.putSeries(series);
        const orphanChat = aSeries();
        const { stored: orphan } = await store.insertAction(anAction(orphanChat, { number: 3 }));

        expect(await store.getSeriesAndAction(series, { id: 'action-missing' })).toEqual({ series: storedSeries });
        expect(await store.getSeriesAndAction(series, { number: 3 })).toEqual({ series: storedSeries });
        expect(await store.getSeriesAndAction(orphanChat, { id: orphan.value.id })).toEqual({ action: orphan });
        expect(await store.getSeriesAndAction(orphanChat, { number: 3 })).toEqual({ action: orphan });
        expect(await store.getSeriesAndAction(aSeries(), { number: 1 })).toEqual({});
      });

      it('never answers another kind of record for the action', async () => {
        const series = aSeries();
        const storedSeries = await store.putSeries(series);
        const decision = aDecision(series, { number: 1 });
        await store.insertDecision(decision);

        expect(await store.getSeriesAndAction(series, { id: decision.id })).toEqual({ series: storedSeries });
        expect(await store.getSeriesAndAction(series, { id: series.id })).toEqual({ series: storedSeries });
        expect(await store.getSeriesAndAction(series, { number: 1 })).toEqual({ series: storedSeries });
      });
    });

    describe('writeTogether', () => {
      it('writes creates and replaces of one chat and hands back each new etag in order', async () => {
        const series = aSeries();
        const before = await store.putSeries(series);
        const meeting = aMeeting(series);
        const action = anAction(series, { number: 1, meetingId: meeting.id });
        const decision = aDecision(series, { meetingId: meeting.id });
        const note = aNote(series, meeting);
        const counted = { ...series, lastActionNumber: 1, latestMeeting: { id: meeting.id, date: meeting.date } };

        const etags = await store.writeTogether(series, [
          { record: { kind: 'meeting', value: meeting } },
          { record: { kind: 'series', value: counted }, etag: before.etag },
          { record: { kind: 'action', value: action } },
          { record: { kind: 'decision', value: decision } },
          { record: { kind: 'note', value: note } },
        ]);

        expect(etags).toHaveLength(5);
        expect(new Set([...etags, before.etag]).size).toBe(6);
        expect(await store.getMeeting(series, meeting.id)).toEqual({ value: meeting, etag: etags[0] });
        expect(await store.getSeries(series)).toEqual({ value: counted, etag: etags[1] });
        expect(await store.getAction(series, action.id)).toEqual({ value: action, etag: etags[2] });
        expect(await store.getDecision(series, decision.id)).toEqual({ value: decision, etag: etags[3] });
        expect(await store.listNotes(series, meeting.id)).toEqual([note]);
      });

      it('hands out etags later writes can quote', async () => {
        const series = aSeries();
        const action = anAction(series);
        const [seriesEtag, actionEtag] = await store.writeTogether(series, [
          { record: { kind: 'series', value: series } },
          { record: { kind: 'action', value: action } },
        ]);

        const closed = { ...action, status: 'closed' as const };
        await store.writeTogether(series, [
          { record: { kind: 'series', value: { ...series, lastActionNumber: 1 } }, etag: seriesEtag },
          { record: { kind: 'action', value: closed }, etag: actionEtag },
        ]);

        expect((await store.getSeries(series))?.value.lastActionNumber).toBe(1);
        expect((await store.getAction(series, action.id))?.value.status).toBe('closed');
      });

      it('refuses a create of a record that exists, naming its index, and writes nothing after it', async () => {
        const series = aSeries();
        const before = await store.putSeries(series);
        const existing = await store.insertAction(anAction(series, { number: 1 }));
        const later = anAction(series, { number: 2 });

        const failure = await store
          .writeTogether(series, [
            { record: { kind: 'series', value: { ...series, lastActionNumber: 2 } }, etag: before.etag },
            { record: { kind: 'action', value: { ...existing.stored.value, text: 'redelivered' } } },
            { record: { kind: 'action', value: later } },
          ])
          .catch((error: unknown) => error);

        expect(failure).toBeInstanceOf(BatchWriteRefused);
        expect(failure).toBeInstanceOf(ConcurrencyError);
        expect(failure).toMatchObject({ index: 1, reason: 'exists' });
        expect(await store.getAction(series, existing.stored.value.id)).toEqual(existing.stored);
        expect(await store.getAction(series, later.id)).toBeUndefined();
        if (backend.atomicBatches) expect(await store.getSeries(series)).toEqual(before);
      });

      it('refuses a stale etag, naming its index, and writes nothing', async () => {
        const series = aSeries();
        const first = await store.putSeries(series);
        const current = await store.putSeries({ ...series, lastActionNumber: 1 }, first.etag);
        const meeting = aMeeting(series);
        const action = anAction(series);

        const failure = await store
          .writeTogether(series, [
            { record: { kind: 'meeting', value: meeting } },
            { record: { kind: 'series', value: { ...series, lastActionNumber: 2 } }, etag: first.etag },
            { record: { kind: 'action', value: action } },
          ])
          .catch((error: unknown) => error);

        expect(failure).toBeInstanceOf(BatchWriteRefused);
        expect(failure).toMatchObject({ index: 1, reason: 'changed' });
        expect(await store.getSeries(series)).toEqual(current);
        expect(await store.getAction(series, action.id)).toBeUndefined();
        if (backend.atomicBatches) expect(await store.getMeeting(series, meeting.id)).toBeUndefined();
      });

      it('refuses replacing a record that is gone, naming its index', async () => {
        const series = aSeries();
        const action = anAction(series);

        const failure = await store.writeTogether(series, [{ record: { kind: 'action', value: action }, etag: 'made-up-etag' }]).catch((error: unknown) => error);

        expect(failure).toMatchObject({ index: 0, reason: 'changed' });
        expect(failure).toBeInstanceOf(BatchWriteRefused);
        expect(await store.getAction(series, action.id)).toBeUndefined();
      });

      it("refuses a record of another chat, or filed under another chat's id, before writing anything", async () => {
        const series = aSeries();
        const other = aSeries();
        const action = anAction(series);

        await expect(
          store.writeTogether(series, [
            { record: { kind: 'action', value: action } },
            { record: { kind: 'decision', value: aDecision(other) } },
          ]),
        ).rejects.toThrow(/series id/);
        await expect(
          store.writeTogether(series, [{ record: { kind: 'note', value: { ...aNote(series, aMeeting(series)), seriesId: seriesIdOf(aSeriesKey()) } } }]),
        ).rejects.toThrow(/series id/);
        expect(await store.getAction(series, action.id)).toBeUndefined();
      });

      it('refuses more writes than one Cosmos transactional batch holds (100), writing none', async () => {
        const series = aSeries();
        const actions = Array.from({ length: 101 }, (_, index) => anAction(series, { number: index + 1 }));

        await expect(store.writeTogether(series, actions.map((action) => ({ record: { kind: 'action' as const, value: action } })))).rejects.toThrow(/at most 100 writes/);
        expect(await store.listActions(series)).toEqual([]);
      });

      it('writes nothing, and answers no etags, for no writes', async () => {
        expect(await store.writeTogether(aSeries(), [])).toEqual([]);
      });
    });

    describe('action history pages', () => {
      it('writes a page with its action in one batch, and lists a chat\'s pages by action number, then page, apart from its actions', async () => {
        const series = aSeries();
        await store.putSeries(series);
        const two = anAction(series, { number: 2 });
        const ten = anAction(series, { number: 10 });
        for (const action of [two, ten]) await store.insertAction(action);
        const page = (action: typeof two, number: number) => ({
          id: historyPageId(action.id, number),
          seriesId: series.id,
          tenantId: series.tenantId,
          conversationId: series.conversationId,
          actionId: action.id,
          number: action.number,
          page: number,
          events: [{ id: `event-${action.number}-${number}`, kind: 'update' as const, by: aPerson(), at: '2019-03-14T09:00:00.000Z', note: `Page ${number} of A-${action.number}` }],
        });
        // Written out of order: the listing orders them.
        for (const [action, number, pages] of [[ten, 1, 2], [two, 0, 1], [ten, 0, 2]] as const) {
          const current = await store.getAction(series, action.id);
          await store.writeTogether(series, [{ record: { kind: 'history', value: page(action, number) } }, { record: { kind: 'action', value: { ...action, archivedPages: pages } }, etag: current?.etag ?? '' }]);
        }
        expect(await store.listActionHistory(series)).toEqual([page(two, 0), page(ten, 0), page(ten, 1)]);
        expect((await store.listActions(series)).map((action) => [action.number, action.archivedPages])).toEqual([[2, 1], [10, 2]]);
        expect(await store.listActionHistory(aSeries())).toEqual([]);
      });
    });
  });
}
