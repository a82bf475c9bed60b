import type { Meeting } from '../../domain/meetings/meetingTypes';
import type { Series } from '../../domain/types';
import { mattersPage } from '../lists/listPages';
import type { Turn } from '../turn';

/**
 * Posts the action log at the start of a meeting ("matters arising"), so owners can update or
 * close each action during the meeting with /update and /close.
 */
export async function postMattersArising(turn: Turn, series: Series, meeting: Meeting): Promise<void> {
  await turn.reply.sendCard(await mattersPage(turn, series, meeting));
}
