import { actionMessageSection } from './actionMessage';
import { cardRenderingSection } from './cardRendering';
import { closeInvokeSection } from './closeInvoke';
import { memorySection } from './memory';
import type { BenchSection, PendingSection } from './section';

/** Every section, in the order it runs; memory last, so it sees the peak of all the load before it. */
export const SECTIONS: BenchSection[] = [actionMessageSection, closeInvokeSection, cardRenderingSection, memorySection];

/** What issue 7 asks for that cannot be measured yet; each becomes a file in this folder when it can. */
export const PENDING: PendingSection[] = [
  {
    id: 'scheduler',
    title: 'Scheduler tick over 10k and 100k stored actions',
    reason: 'the scheduler is being built; its section will time one tick with the same due work over 10k and 100k stored actions (target: ratio near 1).',
  },
  {
    id: 'digest',
    title: 'Weekly digest for 10k owners',
    reason: 'it is part of the scheduler; its section will time building the digests of 10k owners.',
  },
];
