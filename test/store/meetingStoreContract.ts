/**
 * The behaviour every `MeetingStore` must have, written once and run against each implementation.
 * Each test uses a fresh random series, so tests share one database without cleaning up.
 */
import { closeMeeting } from '../../src/domain/meetings/meetingLifecycle';
import type { MeetingStore } from '../../src/store/meetingStore';
import type { Stores } from '../../src/store/stores';
import { ConcurrencyError } from '../../src/store/storeErrors';
import { aPerson, aSeries } from '../builders';
import { aMeeting, aNote } from '../meetingBuilders';

/** Registers the meeting store contract for one implementation, opened as part of `Stores`. */
export function describeMeetingStoreContract(name: string, open: () => Promise<Stores>): void {
  describe(`MeetingStore contract: ${name}`, () => {
    let stores: Stores;
    let store: MeetingStore;
    beforeEach(async () => {
      stores = await open();
      store = stores.meetings;
    });
    afterEach(async () => {
      await stores.close();
    });

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

    it('saves a note once per id and lists a meeting\'s notes in order, not another meeting\'s', async () => {
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

    it('keeps one chat\'s meetings from another\'s, even with the same day and ordinal', async () => {
      const one = aSeries();
      const other = aSeries();
      await store.putMeeting(aMeeting(one));

      expect(await store.getOpenMeeting(other)).toBeUndefined();
      expect(await store.getMeeting(other, aMeeting(one).id)).toBeUndefined();
    });
  });
}
