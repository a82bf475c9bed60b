import type { FakeConnector } from '../../testkit/fakeConnector';
import type { BenchChats } from '../benchChats';
import type { BenchConfig } from '../config';
import type { Target } from '../targets';

/** What every section gets: the configuration, the fake connector, the chats and both targets. */
export interface BenchContext {
  config: BenchConfig;
  connector: FakeConnector;
  chats: BenchChats;
  bot: Target;
  echo: Target;
  /** Progress line on stderr (stdout carries only the results). */
  log(line: string): void;
}

/** One target of the issue, as measured: met or missed. */
export interface TargetCheck {
  what: string;
  measured: string;
  target: string;
  met: boolean;
}

/** A section's results: markdown tables and notes for the report, and its target checks. */
export interface SectionResult {
  title: string;
  markdown: string;
  checks: TargetCheck[];
}

/**
 * One part of the bench. A new measurement (the scheduler tick, the weekly digest) is one more
 * file exporting a `BenchSection`, listed in `sections/index.ts`.
 */
export interface BenchSection {
  /** Short id for `BENCH_SECTIONS`. */
  id: string;
  run(context: BenchContext): Promise<SectionResult>;
}

/** A measurement the issue asks for that cannot run yet, and why; the report lists it as pending. */
export interface PendingSection {
  id: string;
  title: string;
  reason: string;
}
