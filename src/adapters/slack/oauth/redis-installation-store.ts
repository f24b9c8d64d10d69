import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type Redis from 'ioredis';
import { BotError } from '../../../core/errors';
import type { SealedBox } from './sealed-box';

/** The workspace (or Enterprise Grid org, for an org-wide install) an installation belongs to. */
function ownerOf(query: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string;
  teamId?: string;
}): string | undefined {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return query.teamId ? `team:${query.teamId}` : undefined;
}

/**
 * Bolt's `installationStore` in Redis: one key per workspace (`<prefix>:slack:installation:team:T…`,
 * or `…:enterprise:E…` for an org-wide install), its value the whole installation sealed with
 * AES-256-GCM ({@link SealedBox}; the key name is authenticated too, so a value cannot be moved to
 * another workspace). Every bot process and plan worker reads the same installations.
 */
export class RedisInstallationStore implements InstallationStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    private readonly box: SealedBox,
    keyPrefix = 'backend-mentor',
  ) {
    this.prefix = `${keyPrefix}:slack:installation:`;
  }

  private keyOf(query: Parameters<typeof ownerOf>[0]): string {
    const owner = ownerOf(query);
    if (!owner) throw new BotError('slack.installation', 'No Slack workspace was named.');
    return this.prefix + owner;
  }

  async storeInstallation(installation: Installation): Promise<void> {
    const key = this.keyOf({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    await this.redis.set(key, this.box.seal(JSON.stringify(installation), key));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = this.keyOf(query);
    const sealed = await this.redis.get(key);
    if (!sealed) throw new BotError('slack.not-installed', 'The app is not installed in this workspace.');
    return JSON.parse(this.box.open(sealed, key)) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.redis.del(this.keyOf(query));
  }

  /** The bot token of a workspace, or undefined when the app is not installed there. */
  async botTokenOf(teamId: string): Promise<string | undefined> {
    const installation = await this.fetchInstallation({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    }).catch(() => undefined);
    return installation?.bot?.token;
  }
}
