import type { DeliveryTarget, PlanDeliverer } from '../core/plans/plan-service';

/**
 * The plan deliverers of one process, keyed by platform. Adapters register themselves once they
 * exist (the terminal adapter is built after the plan service it uses), so registration may come
 * after the worker starts.
 */
export class DeliveryRegistry {
  private readonly byPlatform = new Map<DeliveryTarget['platform'], PlanDeliverer>();

  constructor(deliverers: readonly PlanDeliverer[] = []) {
    for (const d of deliverers) this.register(d);
  }

  /** Adds (or replaces) the deliverer for its platform. */
  register(deliverer: PlanDeliverer): void {
    this.byPlatform.set(deliverer.platform, deliverer);
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
