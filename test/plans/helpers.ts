import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discordTargetSchema } from '../../src/adapters/discord/plans/delivery-target';
import { slackTargetSchema } from '../../src/adapters/slack/delivery-target';
import { terminalTargetSchema } from '../../src/adapters/terminal/delivery-target';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import type { KnowledgeUnit } from '../../src/core/knowledge/types';
import { type Curriculum, loadCurriculumFile } from '../../src/core/plans/curriculum';
import { DeliveryRegistry } from '../../src/core/plans/delivery-registry';
import type { PlanSource } from '../../src/core/plans/generate-plan';
import type { TargetDataSchema } from '../../src/core/plans/plan-job';
import type {
  DeliverOptions,
  DeliveryTarget,
  PlanDeliverer,
  StudyPlan,
} from '../../src/core/plans/plan-service';

/** Each platform's own target schema, by name (what its `Platform` plug-in exports). */
export const TARGET_SCHEMAS: Record<string, TargetDataSchema> = {
  discord: discordTargetSchema,
  slack: slackTargetSchema,
  terminal: terminalTargetSchema,
};

/** A registry of deliverers, each with its platform's own target schema. */
export function registryOf(...deliverers: PlanDeliverer[]): DeliveryRegistry {
  return new DeliveryRegistry(
    deliverers.map((deliverer) => ({ deliverer, targetSchema: TARGET_SCHEMAS[deliverer.platform]! })),
  );
}

export const ROOT = join(__dirname, '../..');

/** The project's curriculum and the seed knowledge's units. */
export function loadFixtures(): {
  curriculum: Curriculum;
  units: KnowledgeUnit[];
  source: (id: string) => PlanSource | undefined;
} {
  const curriculum = loadCurriculumFile(join(ROOT, 'knowledge', 'curriculum.yml'));
  const units = parseKnowledgeFile(
    'backend-engineer.md',
    readFileSync(join(ROOT, 'knowledge', 'backend-engineer.md'), 'utf8'),
  );
  const byId = new Map(units.map((u) => [u.id, { id: u.id, title: u.title, path: u.path }]));
  return { curriculum, units, source: (id) => byId.get(id) };
}

/** A deliverer that remembers what it delivered and lets a test wait for deliveries. */
export class RecordingDeliverer implements PlanDeliverer {
  readonly deliveries: { target: DeliveryTarget; plan: StudyPlan; jobId: string; resend: boolean }[] = [];
  readonly failures: { target: DeliveryTarget; message: string; jobId: string }[] = [];
  /** Job ids whose delivery was recorded (pass {@link RecordingDeliverer.recorded} as `onDelivered`). */
  readonly finished: string[] = [];
  readonly recorded = (jobId: string) => {
    this.finished.push(jobId);
  };
  /** While set, deliveries wait for it (a job stays "being built"). */
  gate: Promise<void> | undefined;
  started = 0;

  constructor(readonly platform: string = 'terminal') {}

  async deliver(
    target: DeliveryTarget,
    plan: StudyPlan,
    jobId: string,
    options?: DeliverOptions,
  ): Promise<void> {
    this.started++;
    await this.gate;
    this.deliveries.push({ target, plan, jobId, resend: options?.resend === true });
  }

  async deliverFailure(target: DeliveryTarget, message: string, jobId: string): Promise<void> {
    this.failures.push({ target, message, jobId });
  }

  /** Resolves once `count` deliveries were made and recorded (or failure notices sent). */
  async waitFor(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.finished.length + this.failures.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} deliveries, got ${this.deliveries.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Resolves once `count` deliveries have started (they may be waiting at the gate). */
  async waitForStarted(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.started < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} started deliveries, got ${this.started}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** Waits until `check` is true (polling), or fails after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
