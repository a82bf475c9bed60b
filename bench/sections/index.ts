import { actionMessageSection } from './actionMessage';
import { cardRenderingSection } from './cardRendering';
import { closeInvokeSection } from './closeInvoke';
import { memorySection } from './memory';
import { schedulerTickSection } from './schedulerTick';
import { weeklyDigestSection } from './weeklyDigest';
import type { BenchSection, PendingSection } from './section';

/**
 * Every section, in the order it runs; memory after the load sections, so it sees the peak of all
 * their load. The scheduler sections run in their own child processes and do not touch the targets.
 */
export const SECTIONS: BenchSection[] = [actionMessageSection, closeInvokeSection, cardRenderingSection, memorySection, schedulerTickSection, weeklyDigestSection];

/** What issue 7 asks for that cannot be measured yet; each becomes a file in this folder when it can. */
export const PENDING: PendingSection[] = [];
