/**
 * The behaviour every `Store` must have, written once and run against each implementation.
 * Each test builds its own series with fresh random tenant and chat ids, so the tests can share
 * one database without cleaning between them.
 */
import { seriesIdOf } from '../../src/domain/seriesId';
import type { Series } from '../../src/domain/types';
import type { Store } from '../../src/store/store';
import { ConcurrencyError } from '../../src/store/storeErrors';
import { aDecision, aPerson, aSeries, aSeriesKey, anAction } from '../builders';

/** Registers the contract suite for one store; `open` may be called several times (two writers). */
export function describeStoreContract(
  name: string,
  open: () => Promise<Store>,
  cleanup?: () => Promise<void>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const opened: Store[] = [];

    async function openStore(): Promise<Store> {
      const next = await open();
      opened.push(next);
      return next;
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
        const series = aSeries({ currentItem: { number: '2.2', title: 'Audit' }, meetingId: 'meeting-1' });
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

        await expect(store.putSeries({ ...series, lastActionNumber: 99 }, first.etag)).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
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

        await expect(store.replaceAction({ ...stored.value, text: 'lost edit' }, stored.etag)).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
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

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
