import { COMMAND_NAMES, parseCommand } from '../../src/domain/command';

// With ChatMessage.Read.Chat the bot sees every message in the chat. These tests pin down which of
// them it treats as commands, because answering (or storing) ordinary chat would be a privacy bug.

describe('parseCommand: slash commands in ordinary chat', () => {
  it.each(COMMAND_NAMES)('reads /%s with its arguments', (name) => {
    expect(parseCommand(`/${name} Draft the letter DBe`, false)).toEqual({ name, args: 'Draft the letter DBe' });
  });

  it('keeps the arguments as typed, trimming only the separator after the word and trailing space', () => {
    expect(parseCommand('/action:  Draft <at>Derek Benson</at> by Friday  ', false)).toEqual({
      name: 'action',
      args: 'Draft <at>Derek Benson</at> by Friday',
    });
  });

  it('gives empty arguments for a bare command', () => {
    expect(parseCommand('/action', false)).toEqual({ name: 'action', args: '' });
    expect(parseCommand('/actions', false)).toEqual({ name: 'actions', args: '' });
  });

  it('ignores case in the command word', () => {
    expect(parseCommand('/ACTION Draft the letter', false)).toEqual({ name: 'action', args: 'Draft the letter' });
    expect(parseCommand('/Decision Approved', false)).toEqual({ name: 'decision', args: 'Approved' });
  });

  it('tells /actions from /action and does not read /actionitems as /action', () => {
    expect(parseCommand('/actions', false)?.name).toBe('actions');
    expect(parseCommand('/actionitems are in the pack', false)).toBeUndefined();
    expect(parseCommand('/actionitems', true)).toEqual({ name: 'unknown', word: 'actionitems' });
  });

  it('skips leading whitespace, non-breaking spaces and the <p> Teams wraps messages in', () => {
    expect(parseCommand('   /action Draft the letter', false)).toEqual({ name: 'action', args: 'Draft the letter' });
    expect(parseCommand('<p>/action Draft the letter</p>', false)).toEqual({ name: 'action', args: 'Draft the letter</p>' });
    expect(parseCommand('&nbsp;<p> /help', false)).toEqual({ name: 'help', args: '' });
  });

  it('ignores messages that are not commands', () => {
    expect(parseCommand('Thanks all, see you in June', false)).toBeUndefined();
    expect(parseCommand('action items are in the pack', false)).toBeUndefined();
    expect(parseCommand('', false)).toBeUndefined();
    expect(parseCommand('   ', false)).toBeUndefined();
    // A slash that is not at the start is prose, not a command.
    expect(parseCommand('see item 2.2 /action on the agenda', false)).toBeUndefined();
  });

  it('stays silent on an unknown slash word meant for someone else', () => {
    expect(parseCommand('/shrug', false)).toBeUndefined();
    expect(parseCommand('/giphy party', false)).toBeUndefined();
  });
});

describe('parseCommand: messages that @mention the bot', () => {
  // Teams AI removes the bot's own <at>…</at> before the text gets here (removeRecipientMention).
  it('reads the command word without a slash', () => {
    expect(parseCommand('action Circulate the report EF', true)).toEqual({ name: 'action', args: 'Circulate the report EF' });
    expect(parseCommand(' Actions', true)).toEqual({ name: 'actions', args: '' });
  });

  it('still accepts the slash', () => {
    expect(parseCommand('/close A-1', true)).toEqual({ name: 'close', args: 'A-1' });
  });

  it('answers "@Bot" alone with help', () => {
    expect(parseCommand('', true)).toEqual({ name: 'help', args: '' });
    expect(parseCommand('  ', true)).toEqual({ name: 'help', args: '' });
    expect(parseCommand('<p></p>', true)).toEqual({ name: 'help', args: '' });
  });

  it('reports an unknown word so the speaker learns it was not understood', () => {
    expect(parseCommand('shrug', true)).toEqual({ name: 'unknown', word: 'shrug' });
    expect(parseCommand('/shrug', true)).toEqual({ name: 'unknown', word: 'shrug' });
    expect(parseCommand('please add an action', true)).toEqual({ name: 'unknown', word: 'please' });
  });

  it('reports text that does not start with a word at all', () => {
    expect(parseCommand('123 go', true)).toEqual({ name: 'unknown', word: '123' });
    expect(parseCommand('¿action?', true)).toEqual({ name: 'unknown', word: '¿action?' });
  });

  it('accepts punctuation straight after the command word', () => {
    expect(parseCommand('help?', true)).toEqual({ name: 'help', args: '?' });
    expect(parseCommand('decision: Approved', true)).toEqual({ name: 'decision', args: 'Approved' });
  });
});
