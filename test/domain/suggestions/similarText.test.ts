import { isSimilarActionText } from '../../../src/domain/suggestions/similarText';

describe('isSimilarActionText: whether a recap\'s action item says what a captured action says', () => {
  it.each([
    ['Circulate the audit report', 'Ellen will circulate the audit report to all board members'],
    ['Draft letter to the National Panel', 'Draft a letter for the national panel by Friday'],
    ['Circulated the audit reports', 'Circulate audit report'],
    ['Book the venue', 'book THE venue!'],
    ['Minutes', 'minutes'],
  ])('"%s" and "%s" are similar', (a, b) => {
    expect(isSimilarActionText(a, b)).toBe(true);
    expect(isSimilarActionText(b, a)).toBe(true);
  });

  it.each([
    ['Send the letter', 'Send the invoice'],
    ['Book the venue for June', 'Book the venue for the July meeting and the catering'],
    ['Minutes', 'Circulate the minutes to the board'],
    ['Update the risk register', 'Review the training plan'],
    ['', 'Circulate the audit report'],
    ['the to of', 'the to of'],
  ])('"%s" and "%s" are not', (a, b) => {
    expect(isSimilarActionText(a, b)).toBe(false);
  });
});
