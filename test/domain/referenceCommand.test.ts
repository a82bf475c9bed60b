import { parseReferenceCommand } from '../../src/domain/referenceCommand';

const CLOSE = { noteRequired: false, example: '/close A-12 Letter sent' };
const UPDATE = { noteRequired: true, example: '/update A-12 Draft circulated' };

describe('parseReferenceCommand', () => {
  it('reads a reference and the note after it', () => {
    expect(parseReferenceCommand('A-3 Letter sent to the Panel', CLOSE)).toEqual({ kind: 'ok', number: 3, note: 'Letter sent to the Panel' });
    expect(parseReferenceCommand('a3', CLOSE)).toEqual({ kind: 'ok', number: 3, note: '' });
  });

  it('keeps a note over several lines, as plain text', () => {
    expect(parseReferenceCommand('A-3 Sent<br>Filed &amp; copied', UPDATE)).toEqual({ kind: 'ok', number: 3, note: 'Sent\nFiled & copied' });
  });

  it('asks which action when no reference is given, showing the command to type', () => {
    expect(parseReferenceCommand('', CLOSE)).toEqual({
      kind: 'invalid',
      message: "Which action? Type the reference shown on the action's card, e.g. /close A-12 Letter sent. /actions lists them.",
    });
  });

  it('quotes back a word that is not a reference', () => {
    expect(parseReferenceCommand('X-9 done', CLOSE)).toEqual({
      kind: 'invalid',
      message: `"X-9" is not an action reference. Type the reference shown on the action's card, e.g. /close A-12 Letter sent. /actions lists them.`,
    });
  });

  it('asks for the note when one is required', () => {
    expect(parseReferenceCommand('A-1', UPDATE)).toEqual({
      kind: 'invalid',
      message: 'What is the update? Type it after the reference, e.g. /update A-12 Draft circulated.',
    });
    expect(parseReferenceCommand('A-1 <p> </p>', UPDATE).kind).toBe('invalid');
  });

  it('reads a reference typed with a space, as the reference reader allows', () => {
    expect(parseReferenceCommand('A 12 Letter sent', CLOSE)).toEqual({ kind: 'ok', number: 12, note: 'Letter sent' });
    expect(parseReferenceCommand('a - 12', CLOSE)).toEqual({ kind: 'ok', number: 12, note: '' });
  });

  it('takes only the reference\'s digits, so a note may start with a number', () => {
    expect(parseReferenceCommand('A-1 2 copies sent', UPDATE)).toEqual({ kind: 'ok', number: 1, note: '2 copies sent' });
    expect(parseReferenceCommand('12 3 copies sent', UPDATE)).toEqual({ kind: 'ok', number: 12, note: '3 copies sent' });
  });

  it('does not read a word that only starts like a reference', () => {
    expect(parseReferenceCommand('A-12x done', CLOSE)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('"A-12x" is not an action reference') });
    expect(parseReferenceCommand('Apple 12', CLOSE)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('"Apple" is not an action reference') });
  });
});
