import {
  addUpdate,
  canManage,
  changeDueDate,
  closeAction,
  reassignAction,
  type Actor,
  type ChangeRequest,
  type TransitionResult,
} from '../../src/domain/actionTransitions';
import { LIMITS } from '../../src/domain/limits';
import type { Action, Person } from '../../src/domain/types';
import { aPerson, aSeries, anAction } from '../builders';

const series = aSeries();
const ellen = aPerson('Ellen Footman');
const nicki = aPerson('Nicki Pettitt');
const chair = aPerson('Chris Chair');
const other = aPerson('Sarah Berry');

const OWNER: Actor = { person: ellen, isChair: false };
const CHAIR: Actor = { person: chair, isChair: true };
const OTHER: Actor = { person: other, isChair: false };

let sequence = 0;
/** A request with a fresh event id, at 10:30 on the meeting day unless told otherwise. */
function request(actor: Actor, at = '2019-03-13T10:30:00.000Z', eventId = `event-${++sequence}`): ChangeRequest {
  return { eventId, at, actor };
}

function ellensAction(overrides: Partial<Action> = {}): Action {
  return anAction(series, { owners: [ellen], ...overrides });
}

function changed(result: TransitionResult): Action {
  if (result.kind !== 'changed') throw new Error(`expected a change, got ${result.kind}: ${'reason' in result ? result.reason : ''}`);
  return result.action;
}

describe('canManage', () => {
  it('lets an owner and the chair manage, and nobody else', () => {
    const action = ellensAction({ owners: [ellen, nicki] });
    expect(canManage(action, OWNER)).toBe(true);
    expect(canManage(action, { person: nicki, isChair: false })).toBe(true);
    expect(canManage(action, CHAIR)).toBe(true);
    expect(canManage(action, OTHER)).toBe(false);
  });

  it('goes by id, not by name', () => {
    expect(canManage(ellensAction(), { person: { id: 'someone-else', name: 'Ellen Footman' }, isChair: false })).toBe(false);
  });
});

describe('closeAction', () => {
  it('closes for the owner, recording who, when and the note in the history', () => {
    const action = ellensAction();
    const result = closeAction(action, request(OWNER, '2019-03-14T09:00:00.000Z', 'close-1'), '  Letter sent. ');
    const closed = changed(result);
    expect(closed).toMatchObject({ status: 'closed', closedBy: ellen, closedAt: '2019-03-14T09:00:00.000Z' });
    expect(closed.history.slice(1)).toEqual([{ id: 'close-1', kind: 'closed', by: ellen, at: '2019-03-14T09:00:00.000Z', note: 'Letter sent.' }]);
    // The original is left as it was: the caller saves the new value with the etag it read.
    expect(action.status).toBe('open');
    expect(action.history).toHaveLength(1);
  });

  it('closes without a note, adding no empty note', () => {
    const closed = changed(closeAction(ellensAction(), request(CHAIR)));
    expect(closed.closedBy).toEqual(chair);
    expect(closed.history.at(-1)).not.toHaveProperty('note');
  });

  it('refuses someone who is neither an owner nor the chair, and says who can', () => {
    const action = ellensAction({ owners: [ellen, nicki] });
    expect(closeAction(action, request(OTHER))).toEqual({
      kind: 'refused',
      action,
      reason: 'Only Ellen Footman, Nicki Pettitt or the chair can close A-1. You can add an update instead.',
    });
  });

  it('reports a second close as unchanged, naming who closed it', () => {
    const closed = changed(closeAction(ellensAction(), request(OWNER)));
    const again = closeAction(closed, request(CHAIR));
    expect(again).toEqual({ kind: 'unchanged', action: closed, reason: 'A-1 was already closed by Ellen Footman.' });
  });

  it('refuses a closing note over the limit', () => {
    const result = closeAction(ellensAction(), request(OWNER), 'n'.repeat(LIMITS.noteLength + 1));
    expect(result.kind).toBe('refused');
    expect('reason' in result && result.reason).toBe(`Notes can be at most ${LIMITS.noteLength} characters; that one has ${LIMITS.noteLength + 1}.`);
  });
});

describe('idempotency by event id', () => {
  it('applies a redelivered close once', () => {
    const first = changed(closeAction(ellensAction(), request(OWNER, undefined, 'activity-7')));
    const replay = closeAction(first, request(OWNER, undefined, 'activity-7'));
    expect(replay).toEqual({ kind: 'unchanged', action: first, reason: 'That change was already made.' });
  });

  it('applies a redelivered update once, even after other changes', () => {
    const once = changed(addUpdate(ellensAction(), request(OTHER, undefined, 'activity-8'), 'Chased the GP.'));
    const later = changed(addUpdate(once, request(OWNER), 'Letter drafted.'));
    expect(addUpdate(later, request(OTHER, '2019-03-20T10:00:00.000Z', 'activity-8'), 'Chased the GP.').kind).toBe('unchanged');
  });

  it('does not let a replayed event id get past the permission check either way', () => {
    // The id check comes first: a refused request never made history, so its replay is refused again.
    const action = ellensAction();
    expect(closeAction(action, request(OTHER, undefined, 'activity-9')).kind).toBe('refused');
    expect(closeAction(action, request(OTHER, undefined, 'activity-9')).kind).toBe('refused');
  });
});

describe('addUpdate', () => {
  it('lets anyone in the chat add an update, kept in the history with the note', () => {
    const updated = changed(addUpdate(ellensAction(), request(OTHER, '2019-03-13T11:00:00.000Z', 'upd-1'), 'Inquest date confirmed for May.'));
    expect(updated.status).toBe('open');
    expect(updated.history.at(-1)).toEqual({ id: 'upd-1', kind: 'update', by: other, at: '2019-03-13T11:00:00.000Z', note: 'Inquest date confirmed for May.' });
  });

  it('adds updates to a closed action too (the minutes record what happened after)', () => {
    const closed = changed(closeAction(ellensAction(), request(OWNER)));
    expect(changed(addUpdate(closed, request(OTHER), 'Copy filed.')).history.map((event) => event.kind)).toEqual(['created', 'closed', 'update']);
  });

  it('refuses an empty update and says what to type', () => {
    const action = ellensAction({ number: 12 });
    for (const note of ['', '   ']) {
      expect(addUpdate(action, request(OTHER), note)).toEqual({
        kind: 'refused',
        action,
        reason: 'Write the update after the reference, e.g. /update A-12 Letter sent.',
      });
    }
  });

  it('keeps the same note from the same person once within two minutes (a double click)', () => {
    const first = changed(addUpdate(ellensAction(), request(OTHER, '2019-03-13T10:30:00.000Z'), 'Chased the GP.'));
    const twin = addUpdate(first, request(OTHER, '2019-03-13T10:31:59.000Z'), 'Chased the GP.');
    expect(twin).toEqual({ kind: 'unchanged', action: first, reason: 'That update is already on the action.' });
  });

  it('keeps the same note twice when two minutes or more have passed (it happened again)', () => {
    const first = changed(addUpdate(ellensAction(), request(OTHER, '2019-03-13T10:30:00.000Z'), 'Chased the GP.'));
    const again = changed(addUpdate(first, request(OTHER, '2019-03-13T10:32:00.000Z'), 'Chased the GP.'));
    expect(again.history.filter((event) => event.kind === 'update').map((event) => event.at)).toEqual([
      '2019-03-13T10:30:00.000Z',
      '2019-03-13T10:32:00.000Z',
    ]);
  });

  it('keeps the same note from two different people, and different notes from one person', () => {
    const first = changed(addUpdate(ellensAction(), request(OTHER), 'Chased the GP.'));
    const fromEllen = changed(addUpdate(first, request(OWNER), 'Chased the GP.'));
    const different = changed(addUpdate(fromEllen, request(OWNER), 'GP replied.'));
    expect(different.history.filter((event) => event.kind === 'update').map((event) => `${event.by.name}: ${event.note ?? ''}`)).toEqual([
      'Sarah Berry: Chased the GP.',
      'Ellen Footman: Chased the GP.',
      'Ellen Footman: GP replied.',
    ]);
  });

  it('refuses an update over the note limit', () => {
    expect(addUpdate(ellensAction(), request(OTHER), 'n'.repeat(LIMITS.noteLength + 1)).kind).toBe('refused');
    expect(addUpdate(ellensAction(), request(OTHER), 'n'.repeat(LIMITS.noteLength)).kind).toBe('changed');
  });
});

describe('reassignAction', () => {
  it('replaces the owners, recording their names in the history', () => {
    const reassigned = changed(reassignAction(ellensAction(), request(OWNER, undefined, 're-1'), [nicki, ellen]));
    expect(reassigned.owners).toEqual([nicki, ellen]);
    expect(reassigned.history.at(-1)).toMatchObject({ id: 're-1', kind: 'reassigned', by: ellen, detail: 'Nicki Pettitt, Ellen Footman' });
  });

  it('lets the chair reassign, and refuses anyone else', () => {
    expect(changed(reassignAction(ellensAction(), request(CHAIR), [nicki])).owners).toEqual([nicki]);
    const action = ellensAction();
    expect(reassignAction(action, request(OTHER), [other])).toEqual({
      kind: 'refused',
      action,
      reason: 'Only Ellen Footman or the chair can reassign A-1. You can add an update instead.',
    });
  });

  it('refuses no owners and too many owners', () => {
    expect(reassignAction(ellensAction(), request(OWNER), [])).toMatchObject({ kind: 'refused', reason: 'Choose at least one owner.' });
    const many: Person[] = Array.from({ length: LIMITS.ownersPerAction + 1 }, (_, index) => aPerson(`Person ${String.fromCharCode(65 + index)}`));
    expect(reassignAction(ellensAction(), request(OWNER), many)).toMatchObject({
      kind: 'refused',
      reason: `An action can have at most ${LIMITS.ownersPerAction} owners.`,
    });
  });

  it('reports the same owners, in any order, as unchanged', () => {
    const action = ellensAction({ owners: [ellen, nicki] });
    expect(reassignAction(action, request(OWNER), [nicki, ellen])).toEqual({ kind: 'unchanged', action, reason: 'A-1 already has those owners.' });
  });
});

describe('changeDueDate', () => {
  it('sets a new date, recording it in the history', () => {
    const redated = changed(changeDueDate(ellensAction({ due: '2019-03-15' }), request(OWNER, undefined, 'due-1'), '2019-04-01'));
    expect(redated.due).toBe('2019-04-01');
    expect(redated.history.at(-1)).toMatchObject({ id: 'due-1', kind: 'dueChanged', by: ellen, detail: '2019-04-01' });
  });

  it('clears the date, leaving no due property behind', () => {
    const cleared = changed(changeDueDate(ellensAction({ due: '2019-03-15' }), request(CHAIR), undefined));
    expect(cleared).not.toHaveProperty('due');
    expect(cleared.history.at(-1)).toMatchObject({ kind: 'dueChanged', detail: 'none' });
  });

  it('reports the same date as unchanged', () => {
    const action = ellensAction({ due: '2019-03-15' });
    expect(changeDueDate(action, request(OWNER), '2019-03-15')).toEqual({ kind: 'unchanged', action, reason: 'A-1 is already due 2019-03-15.' });
    const undated = ellensAction({ due: undefined });
    expect(changeDueDate(undated, request(OWNER), undefined)).toMatchObject({ kind: 'unchanged', reason: 'A-1 is already due with no date.' });
  });

  it('refuses someone who is neither an owner nor the chair', () => {
    expect(changeDueDate(ellensAction(), request(OTHER), '2019-04-01')).toMatchObject({
      kind: 'refused',
      reason: 'Only Ellen Footman or the chair can change the due date of A-1. You can add an update instead.',
    });
  });
});

describe('history', () => {
  it('keeps every change in order with who made it', () => {
    let action = ellensAction();
    action = changed(addUpdate(action, request(OTHER, '2019-03-13T11:00:00.000Z'), 'Chased.'));
    action = changed(reassignAction(action, request(OWNER, '2019-03-14T09:00:00.000Z'), [nicki]));
    action = changed(changeDueDate(action, request(nickiActor(), '2019-03-15T09:00:00.000Z'), '2019-04-01'));
    action = changed(closeAction(action, request(nickiActor(), '2019-04-01T09:00:00.000Z'), 'Done.'));
    expect(action.history.map((event) => `${event.kind} by ${event.by.name}`)).toEqual([
      'created by Chris Chair',
      'update by Sarah Berry',
      'reassigned by Ellen Footman',
      'dueChanged by Nicki Pettitt',
      'closed by Nicki Pettitt',
    ]);
    // Ellen reassigned herself off the action, so she can no longer close it.
    expect(closeAction(ellensAction({ owners: [nicki] }), request(OWNER)).kind).toBe('refused');
  });
});

function nickiActor(): Actor {
  return { person: nicki, isChair: false };
}
