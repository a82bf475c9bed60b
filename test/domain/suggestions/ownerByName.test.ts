import { membersNamed } from '../../../src/domain/suggestions/ownerByName';
import type { Member } from '../../../src/domain/types';
import { aPerson } from '../../builders';

const member = (name: string): Member => ({ ...aPerson(name), initials: '' });
const derek = member('Derek Benson');
const debbie = member('Debbie Benson');
const dereks = member('Derek Smith');
const emile = member('Émile Durand');
const members = [derek, debbie, dereks, emile, member('Sarah Berry')];
const names = (found: Member[]) => found.map((person) => person.name);

describe('membersNamed: the members a recap\'s owner name may mean', () => {
  it('finds the member with the same name, whatever the case, accents, word order or a bracketed note', () => {
    expect(names(membersNamed('Derek Benson', members))).toEqual(['Derek Benson']);
    expect(names(membersNamed('derek benson', members))).toEqual(['Derek Benson']);
    expect(names(membersNamed('Benson, Derek', members))).toEqual(['Derek Benson']);
    expect(names(membersNamed('Derek Benson (WSCB)', members))).toEqual(['Derek Benson']);
    expect(names(membersNamed('Emile Durand', members))).toEqual(['Émile Durand']);
    expect(names(membersNamed('Dr Derek Benson', members))).toEqual(['Derek Benson']);
  });

  it('finds a member from part of their name, and every member it fits when it fits several', () => {
    expect(names(membersNamed('Sarah', members))).toEqual(['Sarah Berry']);
    expect(names(membersNamed('Derek', members))).toEqual(['Derek Benson', 'Derek Smith']);
    expect(names(membersNamed('Benson', members))).toEqual(['Derek Benson', 'Debbie Benson']);
  });

  it('finds a member whose whole name is within a longer one given', () => {
    expect(names(membersNamed('Derek J. Benson', members))).toEqual(['Derek Benson']);
  });

  it('finds nobody for a name no member has, or for no name at all', () => {
    expect(membersNamed('Paul Yeomans', members)).toEqual([]);
    expect(membersNamed('Derek Yeomans', members)).toEqual([]);
    expect(membersNamed('  ', members)).toEqual([]);
    expect(membersNamed('(Guest)', members)).toEqual([]);
  });
});
