import { assignInitials, looksLikeInitials, resolveInitials } from '../../src/domain/initials';
import type { Member } from '../../src/domain/types';

/** Assigns initials to names given in order, with ids p0, p1, … */
function initialsFor(names: string[]): string[] {
  const people = names.map((name, index) => ({ id: `p${index}`, name }));
  const map = assignInitials(people);
  return people.map((person) => map.get(person.id) ?? 'missing');
}

function member(id: string, name: string, initials: string): Member {
  return { id, name, initials };
}

// The seed minutes (WSCB, 13 March 2019): Present, then Apologies, as the minutes write each entry.
const PRESENT = [
  'Matthew Armstrong, Independent Schools rep',
  'Keith Barham, Head of Service, West Mercia Youth Justice Service',
  'Derek Benson, WSCB Independent Chair',
  'Sarah Berry, Minutes',
  'Julia Breakwell, College rep',
  'Emma Britain, ChS, WCC',
  'Sarah Cox, Adult Services, WCC',
  'Catherine Driscoll, Director of CFC',
  'Angela Eason, WSCB',
  'Ellen Footman, Designated Nurse also representing Lisa Levy, CCGs',
  'Sue Haddon, WSCB Business Manager',
  'Denise Hannibal, Education Safeguarding Adviser',
  'Helen Hey, Early Help, CHS – deputising for Sarah Wilkins',
  'Michael Hunter, Young Solutions, Community and Voluntary Sector',
  'David Lewis, Designated Doctor',
  'Lisa Miruszenko, Worcs Acute NHS Trust – deputising for Vicky Morris',
  'Nicki Pettitt, Independent Reviewer',
  'Nick Pullan, Middle School rep',
  'Andy Roberts, Lead Member, WCC',
  'Liz Staples, WH&CT – deputising for Michelle Clarke',
  'Jackie Stevenson, National Probation Service',
  'Emma Whitworth, WM Police - deputising for Sup Damian Pettit',
  'Judith Willis, District Councils – deputising for KD',
];
const APOLOGIES = [
  'Kevin Dicks, District Councils',
  'Superintendent Damian Pettit, WM Police',
  'Vicky Morris, Chief Nursing Officer, Worcs Acute Hospitals NHS Trust',
  'Lisa Levy, Chief Nursing Officer and Director of Quality and Executive Safeguarding Lead for CCGs',
  'Nathan Travis, H&W Fire and Rescue Service',
  'Paul Robinson, Chief Executive, WCC',
  'Nick Wilson, Assistant Director (Education and Skills), WCC',
  'Sarah Wilkins, Assistant Director (Early Help and Commissioning), WCC',
  'Michelle Clarke, Director of Nursing and Quality, Worcs Health & Care NHS Trust',
  'Jane Stanley, Healthwatch, Worcs (participant observer)',
  'Paul Yeomans, Special Schools rep',
  'Natalie Burford, Early Years rep',
];

describe('assignInitials on the seed minutes', () => {
  const group = [...PRESENT, ...APOLOGIES];
  const initials = initialsFor(group);
  const byName = new Map(group.map((entry, index) => [entry.split(',')[0] ?? '', initials[index]]));

  it('gives the two people the minutes both call NP distinct initials', () => {
    // The minutes print NP twice; the rule separates them by surname.
    expect(byName.get('Nicki Pettitt')).toBe('NPe');
    expect(byName.get('Nick Pullan')).toBe('NPu');
  });

  it('separates Jackie Stevenson from Jane Stanley (who sent apologies) as JSte and JSta', () => {
    expect(byName.get('Jackie Stevenson')).toBe('JSte');
    expect(byName.get('Jane Stanley')).toBe('JSta');
  });

  it('keeps Derek Benson at DB: nobody else in this list is DB, the minutes had a wider board', () => {
    expect(byName.get('Derek Benson')).toBe('DB');
  });

  it('matches the minutes for everyone whose base is unique', () => {
    expect(byName.get('Ellen Footman')).toBe('EF');
    expect(byName.get('Emma Whitworth')).toBe('EW');
    expect(byName.get('Helen Hey')).toBe('HH');
    expect(byName.get('Lisa Miruszenko')).toBe('LM');
    expect(byName.get('Denise Hannibal')).toBe('DH');
    expect(byName.get('Superintendent Damian Pettit')).toBe('DP');
    expect(byName.get('Kevin Dicks')).toBe('KD');
    expect(byName.get('Sarah Wilkins')).toBe('SW');
  });

  it('gives all 35 people different initials', () => {
    expect(new Set(initialsFor(group)).size).toBe(35);
  });

  it('gives DBe and DBr once a David Brown joins the board', () => {
    const [benson, brown] = initialsFor(['Derek Benson', 'David Brown', ...PRESENT.slice(0, 2)]);
    expect([benson, brown]).toEqual(['DBe', 'DBr']);
  });
});

describe('assignInitials rules', () => {
  it('uses the first name and surname, upper case', () => {
    expect(initialsFor(['derek benson'])).toEqual(['DB']);
  });

  it('extends each clashing person by the shortest surname run nobody else in the clash shares', () => {
    expect(initialsFor(['Jackie Stevenson', 'Jane Stanley', 'John Smith'])).toEqual(['JSte', 'JSta', 'JSm']);
  });

  it('numbers identical names by id, whatever the input order', () => {
    const people = [
      { id: 'b', name: 'John Smith' },
      { id: 'a', name: 'John Smith' },
      { id: 'c', name: 'Jane Stanley' },
    ];
    const forward = assignInitials(people);
    const backward = assignInitials([...people].reverse());
    expect(Object.fromEntries(forward)).toEqual({ a: 'JS1', b: 'JS2', c: 'JSt' });
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
  });

  it('numbers people whose surname is a prefix of a clashing surname', () => {
    expect(initialsFor(['Ann Lee', 'Ann Leeds'])).toEqual(['AL1', 'ALeed']);
  });

  it('numbers people whose surnames only part after three letters, so initials stay typable', () => {
    const map = assignInitials([
      { id: 'b', name: 'Jo Stevenson' },
      { id: 'a', name: 'Jo Stevens' },
      { id: 'c', name: 'Jo Stanley' },
    ]);
    expect(Object.fromEntries(map)).toEqual({ a: 'JS1', b: 'JS2', c: 'JSta' });
    expect([...map.values()].every(looksLikeInitials)).toBe(true);
  });

  it('gives the same initials for every order of the same set', () => {
    const [benson, brown, bell, stevenson, stanley] = ['Derek Benson', 'David Brown', 'Dan Bell', 'Jackie Stevenson', 'Jane Stanley'].map(
      (name) => ({ id: name, name }),
    );
    const people = [benson, brown, bell, stevenson, stanley].flatMap((p) => (p ? [p] : []));
    const expected = Object.fromEntries(assignInitials(people));
    expect(expected).toEqual({
      'Derek Benson': 'DBen',
      'David Brown': 'DBr',
      'Dan Bell': 'DBel',
      'Jackie Stevenson': 'JSte',
      'Jane Stanley': 'JSta',
    });
    const shuffled = [bell, benson, stanley, brown, stevenson].flatMap((p) => (p ? [p] : []));
    expect(Object.fromEntries(assignInitials([...people].reverse()))).toEqual(expected);
    expect(Object.fromEntries(assignInitials(shuffled))).toEqual(expected);
  });

  it('counts a repeated id once', () => {
    const map = assignInitials([
      { id: 'x', name: 'Derek Benson' },
      { id: 'x', name: 'Derek Benson' },
    ]);
    expect(Object.fromEntries(map)).toEqual({ x: 'DB' });
  });

  it.each([
    ['Benson, Derek', 'DB'],
    ['Derek Benson (WSCB)', 'DB'],
    ['Derek Benson [Guest]', 'DB'],
    ['Derek Benson - Chair', 'DB'],
    ['Derek Benson – Chair', 'DB'],
    ['Derek Benson, WSCB Independent Chair', 'DB'],
    ['Derek Benson, PhD', 'DB'],
    ['Mary Ann Smith', 'MS'],
    ['Cher', 'CH'],
    ['Dr Derek Benson', 'DB'],
    ['Dr. Derek Benson', 'DB'],
    ['Sup Damian Pettit', 'DP'],
    ['Superintendent Damian Pettit', 'DP'],
    ['Chief Superintendent Damian Pettit', 'DP'],
    ['DI Chris Watson', 'CW'],
    ['Di Watson', 'DW'],
    ['Mr Nick Pullan', 'NP'],
    ['Mrs Sue Haddon', 'SH'],
    ['Ms Sue Haddon', 'SH'],
    ['Prof Sue Haddon', 'SH'],
    ['Dr Smith', 'SM'],
    ['Anna Smith-Jones', 'AS'],
    ['Mary-Ann Jones', 'MJ'],
    ['Émile Zola', 'ÉZ'],
    ['émile zola', 'ÉZ'],
    ['derek.benson@wscb.gov.uk', 'DB'],
    ['derek_benson2@wscb.gov.uk', 'DB'],
    ['dbenson@wscb.gov.uk', 'DB'],
    ['Seán O\'Brien', 'SO'],
    ['  Derek   Benson  ', 'DB'],
    ['', 'XX'],
    ['12345', 'XX'],
  ])('reads %p as %p', (name, initials) => {
    expect(initialsFor([name])).toEqual([initials]);
  });

  it('extends a single name with its own following letters when it clashes', () => {
    expect(initialsFor(['Cher', 'Carl Harris'])).toEqual(['CHe', 'CHa']);
  });

  it('extends a hyphenated surname through its first part', () => {
    expect(initialsFor(['Anna Smith-Jones', 'Alan Stone'])).toEqual(['ASm', 'ASt']);
  });

  it('returns an empty map for nobody', () => {
    expect(assignInitials([]).size).toBe(0);
  });
});

describe('looksLikeInitials', () => {
  it.each(['EF', 'DBe', 'JSte', 'JS2', 'AL1', 'ÉZ', 'NHS', 'CHe', 'DBen'])('accepts %p', (token) => {
    expect(looksLikeInitials(token)).toBe(true);
  });

  it.each(['E', 'Ef', 'dbe', 'DBenson', 'JS12', 'J2', 'D.B', 'DB-', 'Friday', '12', '', 'DBe2x'])('rejects %p', (token) => {
    expect(looksLikeInitials(token)).toBe(false);
  });
});

describe('resolveInitials', () => {
  const benson = member('1', 'Derek Benson', 'DBe');
  const brown = member('2', 'David Brown', 'DBr');
  const footman = member('3', 'Ellen Footman', 'EF');
  const hey = member('4', 'Helen Hey', 'HH');
  const members = [footman, brown, benson, hey];

  it('finds the member with exactly those initials', () => {
    expect(resolveInitials('DBe', members)).toEqual({ kind: 'match', member: benson });
  });

  it('ignores case and surrounding spaces', () => {
    expect(resolveInitials(' dbe ', members)).toEqual({ kind: 'match', member: benson });
    expect(resolveInitials('ef', members)).toEqual({ kind: 'match', member: footman });
  });

  it('lets exact case decide when case alone separates two members', () => {
    const upper = member('9', 'Dominic Bexley', 'DBE');
    expect(resolveInitials('DBE', [benson, upper])).toEqual({ kind: 'match', member: upper });
    expect(resolveInitials('DBe', [benson, upper])).toEqual({ kind: 'match', member: benson });
    expect(resolveInitials('dbe', [benson, upper])).toEqual({ kind: 'ambiguous', candidates: [upper, benson] });
  });

  it('calls the unextended base ambiguous when it fits several members', () => {
    expect(resolveInitials('DB', members)).toEqual({ kind: 'ambiguous', candidates: [benson, brown] });
  });

  it('accepts the base or a longer surname run when only one member fits', () => {
    const alone = [benson, footman];
    expect(resolveInitials('DB', alone)).toEqual({ kind: 'match', member: benson });
    expect(resolveInitials('DBen', alone)).toEqual({ kind: 'match', member: benson });
  });

  it('offers members with the same first two letters when nobody has the initials', () => {
    expect(resolveInitials('DBx', members)).toEqual({ kind: 'unknown', candidates: [benson, brown] });
  });

  it('falls back to the same first letter', () => {
    expect(resolveInitials('HX', members)).toEqual({ kind: 'unknown', candidates: [hey] });
  });

  it('offers nobody when nothing is close', () => {
    expect(resolveInitials('ZZ', members)).toEqual({ kind: 'unknown', candidates: [] });
    expect(resolveInitials('EF', [])).toEqual({ kind: 'unknown', candidates: [] });
  });

  it('resolves digit-suffixed initials exactly and calls the base ambiguous', () => {
    const one = member('a', 'John Smith', 'JS1');
    const two = member('b', 'John Smith', 'JS2');
    expect(resolveInitials('js2', [one, two])).toEqual({ kind: 'match', member: two });
    expect(resolveInitials('JS', [one, two])).toEqual({ kind: 'ambiguous', candidates: [one, two] });
  });

  it('calls duplicate stored initials ambiguous', () => {
    const twin = member('5', 'Dora Bennett', 'DBe');
    expect(resolveInitials('DBe', [benson, twin])).toEqual({ kind: 'ambiguous', candidates: [benson, twin] });
  });
});
