/**
 * The content of the seed minutes (Worcestershire Safeguarding Children Board, 13 March 2019) that
 * the demo replays, transcribed from `seed/board-minutes-2019-03-13.txt`, for the tests that compare
 * the bot's minutes with the original item by item.
 */

/** Present, as the seed lists them: name, role, initials, and whom they deputise for. */
export const SEED_PRESENT = [
  ['Matthew Armstrong', 'Independent Schools rep', 'MA'],
  ['Keith Barham', 'Head of Service, West Mercia Youth Justice Service', 'KB'],
  ['Derek Benson', 'WSCB Independent Chair', 'DBe'],
  ['Sarah Berry', 'Minutes', 'SB'],
  ['Julia Breakwell', 'College rep', 'JB'],
  ['Emma Britain', 'ChS, WCC', 'EB'],
  ['Sarah Cox', 'Adult Services, WCC', 'SC'],
  ['Catherine Driscoll', 'Director of CFC', 'CD'],
  ['Angela Eason', 'WSCB', 'AE'],
  ['Ellen Footman', 'Designated Nurse, also representing Lisa Levy, CCGs', 'EF'],
  ['Sue Haddon', 'WSCB Business Manager', 'SH'],
  ['Denise Hannibal', 'Education Safeguarding Adviser', 'DH'],
  ['Helen Hey', 'Early Help, CHS', 'HH', 'Sarah Wilkins'],
  ['Michael Hunter', 'Young Solutions, Community and Voluntary Sector', 'MH'],
  ['David Lewis', 'Designated Doctor', 'DL'],
  ['Lisa Miruszenko', 'Worcs Acute NHS Trust', 'LM', 'Vicky Morris'],
  ['Nicki Pettitt', 'Independent Reviewer', 'NP'],
  ['Nick Pullan', 'Middle School rep', 'NP'],
  ['Andy Roberts', 'Lead Member, WCC', 'AR'],
  ['Liz Staples', 'WH&CT', 'LS', 'Michelle Clarke'],
  ['Jackie Stevenson', 'National Probation Service', 'JSte'],
  ['Emma Whitworth', 'WM Police', 'EW', 'Sup Damian Pettit'],
  ['Judith Willis', 'District Councils', 'JW', 'KD'],
] as const;

/**
 * Where the bot's initials differ from the seed's, by design: initials are unique within the chat.
 * The seed gives Nicki Pettitt and Nick Pullan both "NP"; the bot tells them apart. The seed's
 * "DBe" distinguishes Derek Benson from a "DB" outside this meeting; in this chat nobody else is DB.
 */
export const OUR_INITIALS: Readonly<Record<string, string>> = { 'Derek Benson': 'DB', 'Nicki Pettitt': 'NPe', 'Nick Pullan': 'NPu' };

/** The seed names two absent members by abbreviation; the chat knows them by their display names. */
export const DISPLAY_NAMES: Readonly<Record<string, string>> = { 'Sup Damian Pettit': 'Superintendent Damian Pettit', KD: 'Kevin Dicks' };

/** Apologies exactly as the seed's paragraph gives them. */
export const SEED_APOLOGIES =
  'Kevin Dicks, District Councils; Superintendent Damian Pettit, WM Police; Vicky Morris, Chief Nursing Officer, Worcs Acute Hospitals NHS Trust; Lisa Levy, Chief Nursing Officer and Director of Quality and Executive Safeguarding Lead for CCGs; Nathan Travis, H&W Fire and Rescue Service; Paul Robinson, Chief Executive, WCC; Nick Wilson, Assistant Director (Education and Skills), WCC; Sarah Wilkins, Assistant Director (Early Help and Commissioning), WCC; Michelle Clarke, Director of Nursing and Quality, Worcs Health & Care NHS Trust; Jane Stanley, Healthwatch, Worcs (participant observer); Paul Yeomans, Special Schools rep; Natalie Burford, Early Years rep.';

/**
 * Decisions per item, in order. The seed restarts its numbering for the second topic within Part 1
 * (1–3, then 1–2); the bot numbers within the item, so Part 1's run 1–5.
 */
export const SEED_DECISIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Part 1', [
    'In order to protect identification of family members it was agreed that wording should be amended slightly in paragraphs 2.1 and 3.1.',
    'Pre inquest date is xxx with inquest due to take place on xxx. CSC will attend and EF to report back to WSCB.',
    'Publication of report will take place after the inquest has been held.',
    'Underspend from WSCB training budget to be utilised to fund targeted learning events and an open theatre production by Geese Theatre Company.',
    'Learning and Improvement Briefings (LIBs) to be developed to support embedding of learning across the Partnership.',
  ]],
  ['2.1', []],
  // The seed lists "the following were approved: 1. The SCR Report. 2. …"; each is one decision.
  ['3.2', [
    'Subject to discussion held in Part 1 of the meeting, the SCR Report was approved.',
    'Subject to discussion held in Part 1 of the meeting, the SCR action plan and recommendations were approved.',
    'Subject to discussion held in Part 1 of the meeting, the SCR overview report for publication was approved.',
  ]],
  ['6.1', ['The Board approved implementation of the revised WM SUDIC Protocol.']],
];

/** The one action of the meeting, with its owner's initials in the seed's Action column. */
export const SEED_ACTIONS = [['Part 1', 'Letter to be drafted to the National Panel seeking agreement to step down from SCR to case review', 'DBe']] as const;

/** Approval of the previous minutes, word for word. */
export const SEED_APPROVAL =
  'Minutes of meeting held on 5.12.2018 were approved pending the following amendment: Part 2 - Business Matters, 2.2 Updates (Early Help). Targeted Early Help teams are working in six districts (not two).';

/** Action Log Updates: the item, and the update text through "Action closed.", word for word. */
export const SEED_ACTION_LOG = [
  ['2.5', "Update: EF has liaised with NHS England and NHS Digital and the mitigating action which has been taken has been accepted. A watching brief is in place until implementation and NHS are happy with TR's detailed response regarding the actions which have been taken. EF informed that notification has been sent from the Out of Hours services saying that all referrals are to be sent to the MASH. Action closed."],
  ['3.1', 'Update: ICON Project is up for a National Award. It is a preventative tool for which there is a £3K one-off charge. Board agreed that this should be reviewed by IFPG in the first instance to establish whether it is worth consideration. Action closed.'],
] as const;

/** "Date of next meeting: Wednesday 12th June, 2019 at Haresfield Surgery…" */
export const SEED_NEXT_MEETING = 'Wednesday 12th June 2019';
