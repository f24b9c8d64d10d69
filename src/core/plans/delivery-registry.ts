import type { DeliveryTarget, PlanDeliverer } from './plan-service';

/**
 * The plan deliverers of one process, keyed by platform. Adapters register themselves once they
 * exist (the terminal adapter is built after the plan service it uses), so registration may come
 * after the worker starts.
 */
export class DeliveryRegistry {
  private readonly byPlatform = new Map<DeliveryTarget['platform'], PlanDeliverer>();

  /**
   * @param deliverers the first deliverers
   * @param observe told of every delivery attempt and whether it succeeded (metrics)
   */
  constructor(
    deliverers: readonly PlanDeliverer[] = [],
    private readonly observe?: (platform: DeliveryTarget['platform'], delivered: boolean) => void,
  ) {
    for (const d of deliverers) this.register(d);
  }

  /** Adds (or replaces) the deliverer for its platform. */
  register(deliverer: PlanDeliverer): void {
    const observe = this.observe;
    if (!observe) {
      this.byPlatform.set(deliverer.platform, deliverer);
      return;
    }
    this.byPlatform.set(deliverer.platform, {
      platform: deliverer.platform,
      deliver: async (target, plan, jobId) => {
        try {
          await deliverer.deliver(target, plan, jobId);
          observe(deliverer.platform, true);
        } catch (error) {
          observe(deliverer.platform, false);
          throw error;
        }
      },
      deliverFailure: deliverer.deliverFailure?.bind(deliverer),
      deliverCheckin: deliverer.deliverCheckin?.bind(deliverer),
    });
  }

  /** The deliverer for a platform, if this process has one. */
  get(platform: DeliveryTarget['platform']): PlanDeliverer | undefined {
    return this.byPlatform.get(platform);
  }

  /** Platforms this process can deliver to. */
  platforms(): DeliveryTarget['platform'][] {
    return [...this.byPlatform.keys()];
  }
}
