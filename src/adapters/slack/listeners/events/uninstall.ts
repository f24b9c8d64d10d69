import type { App, InstallationStore } from '@slack/bolt';
import { describeError } from '../../../../core/errors';
import type { Logger } from '../../../../core/logger';

/** Which installation an event's workspace is (Bolt's context after authorize). */
function queryOf(context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall ?? false,
  };
}

/**
 * Any-workspace mode: `app_uninstalled` deletes the workspace's installation (its tokens with it), and
 * so does `tokens_revoked` when the bot token is among those revoked; nothing is answered there after.
 */
export function registerUninstall(app: App, store: InstallationStore, logger: Logger): void {
  const forget = async (context: Parameters<typeof queryOf>[0], why: string) => {
    const query = queryOf(context);
    try {
      await store.deleteInstallation?.(query);
      logger.info({ team: query.teamId, enterprise: query.enterpriseId, why }, 'slack: installation deleted');
    } catch (error) {
      logger.error(
        { team: query.teamId, error: describeError(error) },
        'slack: could not delete installation',
      );
    }
  };
  app.event('app_uninstalled', async ({ context }) => forget(context, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(context, 'tokens_revoked');
  });
}
