import type { TargetDataSchema } from './plan-job';
import type { PlanDeliverer } from './plan-service';

/** A platform's deliverer and the schema of its delivery-target data (its `deliveryTargetSchema`). */
export interface DeliveryEntry {
  deliverer: PlanDeliverer;
  targetSchema: TargetDataSchema;
}

/**
 * The plan deliverers of one process, keyed by platform, each with the schema of its targets' data
 * (the job check validates a target with the schema of the platform it names). Registration may come
 * after the worker starts (tests register deliverers late).
 */
export class DeliveryRegistry {
  private readonly byPlatform = new Map<string, DeliveryEntry>();

  /**
   * @param entries the first deliverers
   * @param observe told of every plan delivery attempt and whether it succeeded (metrics)
   */
  constructor(
    entries: readonly DeliveryEntry[] = [],
    private readonly observe?: (platform: string, delivered: boolean) => void,
  ) {
    for (const e of entries) this.register(e.deliverer, e.targetSchema);
  }

  /** Adds (or replaces) the deliverer for its platform. */
  register(deliverer: PlanDeliverer, targetSchema: TargetDataSchema): void {
    const observe = this.observe;
    const observed: PlanDeliverer = !observe
      ? deliverer
      : {
          platform: deliverer.platform,
          deliver: async (target, plan, jobId, options) => {
            try {
              await deliverer.deliver(target, plan, jobId, options);
              observe(deliverer.platform, true);
            } catch (error) {
              observe(deliverer.platform, false);
              throw error;
            }
          },
          deliverFailure: deliverer.deliverFailure?.bind(deliverer),
          deliverCheckin: deliverer.deliverCheckin?.bind(deliverer),
        };
    this.byPlatform.set(deliverer.platform, { deliverer: observed, targetSchema });
  }

  /** The deliverer for a platform, if this process has one. */
  get(platform: string): PlanDeliverer | undefined {
    return this.byPlatform.get(platform)?.deliverer;
  }

  /** The schema of a platform's target data, if this process has that platform. */
  schemaOf(platform: string): TargetDataSchema | undefined {
    return this.byPlatform.get(platform)?.targetSchema;
  }

  /** Platforms this process can deliver to. */
  platforms(): string[] {
    return [...this.byPlatform.keys()];
  }
}
