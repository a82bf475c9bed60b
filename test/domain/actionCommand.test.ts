import { parseActionArgs, toPerson, type ActionParse, type ActionParseContext } from '../../src/domain/actionCommand';
import { LIMITS } from '../../src/domain/limits';
import type { MentionedPerson } from '../../src/domain/mentions';
import type { Member, Person } from '../../src/domain/types';
import { aPerson } from '../builders';

// Wednesday 13 March 2019, 14:00 in London: "by Friday" is 15 March.
const NOW = '2019-03-13T14:00:00Z';

function member(name: string, initials: string): Member {
  return { ...aPerson(name), initials };
}

const DEREK = member('Derek Benson', 'DBe');
const DAVID = member('David Brown', 'DBr');
const ELLEN = member('Ellen Footman', 'EF');
const NICKI = member('Nicki Pettitt', 'NP');
const SARAH = member('Sarah Berry', 'SB');
const MEMBERS = [DEREK, DAVID, ELLEN, NICKI, SARAH];

/** How Teams marks up an @mention in the message text. */
function mention(person: Person): MentionedPerson {
  return { markup: `<at>${person.name}</at>`, person: { id: person.id, name: person.name, ...(person.teamsId ? { teamsId: person.teamsId } : {}) } };
}

function parse(args: string, mentioned: Person[] = [], members: Member[] = MEMBERS): ActionParse {
  const context: ActionParseContext = { mentions: mentioned.map(mention), members, now: NOW, timeZone: 'Europe/London', locale: 'en-GB' };
  return parseActionArgs(args, context);
}

function ready(args: string, mentioned: Person[] = []) {
  const result = parse(args, mentioned);
  if (result.kind !== 'ready') throw new Error(`expected a ready action, got ${JSON.stringify(result)}`);
  return result.draft;
}

function ownerNames(args: string, mentioned: Person[] = []): string[] {
  return ready(args, mentioned).owners.map((owner) => owner.name);
}

describe('parseActionArgs: owners and due date', () => {
  it('reads a trailing @mention and "by Friday"', () => {
    expect(ready('Draft letter to the National Panel <at>Derek Benson</at> by Friday', [DEREK])).toEqual({
      text: 'Draft letter to the National Panel',
      owners: [toPerson(DEREK)],
      due: '2019-03-15',
    });
  });

  it('reads the due phrase before the owner as well as after it', () => {
    expect(ready('Draft the letter by Friday <at>Derek Benson</at>', [DEREK])).toEqual({ text: 'Draft the letter', owners: [toPerson(DEREK)], due: '2019-03-15' });
    expect(ready('Draft the letter by Friday DBe')).toEqual({ text: 'Draft the letter', owners: [toPerson(DEREK)], due: '2019-03-15' });
    expect(ready('Draft the letter DBe by Friday')).toEqual({ text: 'Draft the letter', owners: [toPerson(DEREK)], due: '2019-03-15' });
  });

  it('reads a leading @mention as the owner', () => {
    expect(ready('<at>Ellen Footman</at> to circulate the audit report', [ELLEN])).toEqual({
      text: 'to circulate the audit report',
      owners: [toPerson(ELLEN)],
    });
  });

  it('reads leading and trailing mentions together, in the order written', () => {
    expect(ownerNames('<at>Ellen Footman</at> to visit the family with <at>Nicki Pettitt</at>', [ELLEN, NICKI])).toEqual([
      'Ellen Footman',
      'Nicki Pettitt',
    ]);
  });

  it('reads several trailing initials, joined by spaces, commas or "and"', () => {
    expect(ownerNames('Final visit to parent NP EF')).toEqual(['Nicki Pettitt', 'Ellen Footman']);
    expect(ownerNames('Final visit to parent NP, EF')).toEqual(['Nicki Pettitt', 'Ellen Footman']);
    expect(ownerNames('Final visit to parent NP and EF')).toEqual(['Nicki Pettitt', 'Ellen Footman']);
    expect(ownerNames('Final visit to parent NP & EF in 2 weeks')).toEqual(['Nicki Pettitt', 'Ellen Footman']);
  });

  it('mixes mentions and initials, joined by "and" or a comma', () => {
    expect(ready('Final visit to parent <at>Nicki Pettitt</at> and EF', [NICKI])).toEqual({
      text: 'Final visit to parent',
      owners: [toPerson(NICKI), toPerson(ELLEN)],
    });
    expect(ownerNames('Final visit to parent EF, <at>Nicki Pettitt</at> by Friday', [NICKI])).toEqual(['Ellen Footman', 'Nicki Pettitt']);
  });

  it('keeps a mention in the middle of the text as the plain name, not as an owner', () => {
    expect(ready('Ask <at>Sarah Berry</at> for the audit figures EF', [SARAH])).toEqual({
      text: 'Ask Sarah Berry for the audit figures',
      owners: [toPerson(ELLEN)],
    });
  });

  it('collapses the same owner named twice', () => {
    expect(ownerNames('Draft the letter <at>Ellen Footman</at> EF', [ELLEN])).toEqual(['Ellen Footman']);
    expect(ownerNames('Draft the letter EF and EF')).toEqual(['Ellen Footman']);
  });

  it('matches typed initials to a member ignoring case after the first two capitals', () => {
    expect(ownerNames('Draft the letter DBE')).toEqual(['Derek Benson']);
    expect(ownerNames('Draft the letter DBR')).toEqual(['David Brown']);
  });

  it('does not read lower-case words as initials, so ordinary last words stay in the text', () => {
    expect(parse('Draft the letter ef')).toEqual({ kind: 'needsForm', reason: 'noOwner', draft: { text: 'Draft the letter ef', owners: [] } });
  });
});

describe('parseActionArgs: text that only looks like owners', () => {
  it('keeps capitalised words after an owner in the text', () => {
    expect(ready('Share the protocol with GPs EF')).toEqual({ text: 'Share the protocol with GPs', owners: [toPerson(ELLEN)] });
    expect(ready('Probation data for the SIP EF')).toEqual({ text: 'Probation data for the SIP', owners: [toPerson(ELLEN)] });
  });

  it('keeps acronyms in the middle of the text', () => {
    expect(ready('Ask the NHS trust for IT support EF').text).toBe('Ask the NHS trust for IT support');
  });

  it('reads a single capitalised word as the text, not as an owner', () => {
    expect(parse('Budget')).toEqual({ kind: 'needsForm', reason: 'noOwner', draft: { text: 'Budget', owners: [] } });
    expect(parse('EF')).toEqual({ kind: 'needsForm', reason: 'noOwner', draft: { text: 'EF', owners: [] } });
  });
});

describe('parseActionArgs: what needs the form or an answer', () => {
  it('asks for the form when nobody owns it, keeping the text and due date', () => {
    expect(parse('Review the LADO arrangements by 12 June')).toEqual({
      kind: 'needsForm',
      reason: 'noOwner',
      draft: { text: 'Review the LADO arrangements', owners: [], due: '2019-06-12' },
    });
  });

  it('asks for the form when there is no text, keeping the owner', () => {
    expect(parse('')).toEqual({ kind: 'needsForm', reason: 'empty', draft: { text: '', owners: [] } });
    expect(parse('   ')).toEqual({ kind: 'needsForm', reason: 'empty', draft: { text: '', owners: [] } });
    expect(parse('<at>Ellen Footman</at>', [ELLEN])).toEqual({ kind: 'needsForm', reason: 'empty', draft: { text: '', owners: [toPerson(ELLEN)] } });
  });

  it('refuses initials nobody has but some are close to, listing those members', () => {
    const result = parse('Send the briefing ES');
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.message).toContain('Nobody in this chat has the initials "ES"');
    expect(result.message).toContain('EF (Ellen Footman)');
    expect(result.message).toContain('Nothing was saved');
    expect(result.message).not.toContain('Derek Benson');
  });

  it('refuses initials two members could have, listing both', () => {
    const result = parse('Send the briefing DB');
    expect(result).toEqual({
      kind: 'invalid',
      message: '"DB" could be DBe (Derek Benson), DBr (David Brown). Type the initials exactly as listed, or @mention the owner. Nothing was saved.',
    });
  });

  it('keeps a capitalised last word nobody\'s initials resemble in the text', () => {
    expect(parse('Write to the CQC')).toEqual({ kind: 'needsForm', reason: 'noOwner', draft: { text: 'Write to the CQC', owners: [] } });
  });

  it('refuses text over the limit, saying how long it is and what the limit is', () => {
    const result = parse(`${'x'.repeat(LIMITS.textLength + 1)} EF`);
    expect(result).toEqual({
      kind: 'invalid',
      message: `That action is ${LIMITS.textLength + 1} characters long; the limit is ${LIMITS.textLength}. Shorten it, or record the detail with /update afterwards.`,
    });
  });

  it('accepts text of exactly the limit', () => {
    expect(parse(`${'x'.repeat(LIMITS.textLength)} EF`).kind).toBe('ready');
  });

  it('refuses more owners than the limit, naming the limit', () => {
    const many = Array.from({ length: LIMITS.ownersPerAction + 1 }, (_, index) => aPerson(`Person Number${String.fromCharCode(65 + index)}`));
    const markup = many.map((person) => `<at>${person.name}</at>`).join(' ');
    const result = parse(`Attend the training ${markup}`, many);
    expect(result).toEqual({
      kind: 'invalid',
      message: `An action can have at most ${LIMITS.ownersPerAction} owners; this one names ${LIMITS.ownersPerAction + 1}. Name the people who will do it.`,
    });
  });

  it('accepts exactly the limit of owners', () => {
    const many = Array.from({ length: LIMITS.ownersPerAction }, (_, index) => aPerson(`Person Number${String.fromCharCode(65 + index)}`));
    const markup = many.map((person) => `<at>${person.name}</at>`).join(' ');
    expect(ownerNames(`Attend the training ${markup}`, many)).toHaveLength(LIMITS.ownersPerAction);
  });
});

describe('parseActionArgs: the text is kept as people wrote it', () => {
  it('keeps emoji, accents and right-to-left scripts intact', () => {
    expect(ready('Send 🎉 thanks to the café team 👩🏽‍⚕️ EF').text).toBe('Send 🎉 thanks to the café team 👩🏽‍⚕️');
    expect(ready('إرسال التقرير إلى المجلس EF').text).toBe('إرسال التقرير إلى المجلس');
    expect(ready('לשלוח את הדוח לוועדה EF').text).toBe('לשלוח את הדוח לוועדה');
  });

  it('strips HTML tags and decodes entities, keeping the words', () => {
    expect(ready('<p>Send the <b>final</b> report &amp; the <i>annex</i></p> EF').text).toBe('Send the final report & the annex');
    expect(ready('Check the &lt;script&gt; tag is gone EF').text).toBe('Check the <script> tag is gone');
  });

  it('leaves markdown as the characters typed (cards show it as plain text)', () => {
    expect(ready('Read **this** and [the link](http://evil.example) EF').text).toBe('Read **this** and [the link](http://evil.example)');
  });

  it('folds runs of spaces and line breaks into single spaces', () => {
    expect(ready('Draft   the<br>letter\n\nnow EF').text).toBe('Draft the letter now');
  });
});

describe('parseActionArgs: initials at the start', () => {
  it('reads a member\'s initials before the text as the owner, with a due date at the end', () => {
    expect(ready('EF Send the audit report to the Panel by Friday')).toEqual({ text: 'Send the audit report to the Panel', owners: [toPerson(ELLEN)], due: '2019-03-15' });
    expect(ready('NP: Final visit to parent')).toEqual({ text: 'Final visit to parent', owners: [toPerson(NICKI)] });
  });

  it('reads several leading initials, joined by spaces, commas or "and", in the order written', () => {
    expect(ownerNames('EF, NP and SB to visit the family')).toEqual(['Ellen Footman', 'Nicki Pettitt', 'Sarah Berry']);
    expect(ownerNames('EF NP to visit the family DBe')).toEqual(['Ellen Footman', 'Nicki Pettitt', 'Derek Benson']);
  });

  it('keeps "and" in the text when no initials follow it', () => {
    expect(ready('EF and the team to review the protocol')).toEqual({ text: 'and the team to review the protocol', owners: [toPerson(ELLEN)] });
  });

  it('leaves an opening acronym that is nobody\'s initials in the text', () => {
    expect(ready('NHS England to confirm the mitigating action EF')).toEqual({ text: 'NHS England to confirm the mitigating action', owners: [toPerson(ELLEN)] });
    expect(ready('CP-IS to go live EF').text).toBe('CP-IS to go live');
  });

  it('refuses leading initials two members could have, and saves nothing', () => {
    const result = parse('DB Send the briefing by Friday');
    expect(result).toEqual({
      kind: 'invalid',
      message: '"DB" could be DBe (Derek Benson), DBr (David Brown). Type the initials exactly as listed, or @mention the owner. Nothing was saved.',
    });
  });
});
