import { parsePlanReference } from '../../../src/domain/planner/planReference';

const PLAN = 'xqQg5FS2LkCp935s-FIFm2QAFkHM';

describe('parsePlanReference: the plan /planner is given', () => {
  it.each([
    [PLAN],
    [`https://planner.cloud.microsoft/webui/plan/${PLAN}/view/board?tid=72f988bf-86f1-41af-91ab-2d7cd011db47`],
    [`https://tasks.office.com/contoso.onmicrosoft.com/Home/PlanViews/${PLAN}?Type=PlanLink&Channel=Link&CreatedTime=637`],
    [`https://tasks.office.com/contoso.onmicrosoft.com/en-GB/Home/Planner/#/plantaskboard?groupId=1c6a0c0e-9cbc-4ad4-9a4f-2b5f1f1b6b0d&planId=${PLAN}`],
    [`<https://planner.cloud.microsoft/webui/plan/${PLAN}/view/board>`],
  ])('finds the plan id in %s', (text) => {
    expect(parsePlanReference(text)).toEqual({ kind: 'plan', planId: PLAN });
  });

  it('reads "off" and nothing at all', () => {
    expect(parsePlanReference('off')).toEqual({ kind: 'off' });
    expect(parsePlanReference(' OFF ')).toEqual({ kind: 'off' });
    expect(parsePlanReference('')).toEqual({ kind: 'status' });
  });

  it('says what to type when there is no plan in it, and why a premium plan will not do', () => {
    expect(parsePlanReference('the board plan')).toEqual({
      kind: 'invalid',
      message: 'I can\'t find a plan in "the board plan". Type /planner and the plan\'s link (in Planner, open the plan and copy the address, or "Copy link to plan"), or its id.',
    });
    expect(parsePlanReference(`https://planner.cloud.microsoft/webui/premiumplan/${PLAN}/org/contoso/view/grid`)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('premium plan') });
  });
});
