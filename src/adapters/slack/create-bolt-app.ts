import { App, type InstallationStore, type LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../core/logger';
import type { HttpRoutes } from '../../ops/http-routes';
import { BoundedHttpReceiver } from './bounded-http-receiver';
import { toSlackLogger } from './slack-logger';

/** The bot scopes an installation asks for (the same list as `slack/manifest.json`). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'chat:write',
  'commands',
  'files:write',
  'groups:history',
  'im:history',
  'im:write',
  'mpim:history',
  'users:read',
];

/** Bolt's OAuth: the app installs into any workspace; each event is answered with that workspace's token. */
export interface SlackOAuth {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installationStore: InstallationStore;
}

/** How to reach Slack. */
export interface SlackConnection {
  /** One workspace's bot token; without it, {@link SlackConnection.oauth} is required. */
  botToken?: string;
  /** Any workspace: `/slack/install`, `/slack/oauth_redirect` and a token per workspace (HTTP mode). */
  oauth?: SlackOAuth;
  /** Socket Mode when set (an app-level `xapp-` token). */
  appToken?: string;
  /** HTTP mode: verifies every request's signature. */
  signingSecret?: string;
  /** HTTP mode port (path `/slack/events`). */
  port: number;
  /** Web API base URL (default Slack's); Socket Mode's `apps.connections.open` goes there too. */
  apiUrl?: string;
}

/** The Bolt app and its receiver (kept to stop it cleanly). */
export interface BoltApp {
  app: App;
  mode: 'socket' | 'http';
  receiver: BoundedHttpReceiver | SocketModeReceiver;
}

/** Web API retries: a few quick ones (a 3-second ack and a user waiting leave no room for Slack's default of 10). */
const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 };

/**
 * Builds the Bolt app for Socket Mode (with an app token) or HTTP mode (signing secret, `PORT`,
 * `/slack/events`, on a server that bounds its clients: {@link BoundedHttpReceiver}). Initialisation is deferred: `await app.init()` runs `auth.test` so a bad token
 * is a clear error, not an unhandled rejection.
 */
export function createBoltApp(
  connection: SlackConnection,
  logger: Logger,
  level: LogLevel,
  routes?: HttpRoutes,
): BoltApp {
  const slackLogger = toSlackLogger(logger, level);
  const clientOptions = {
    ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}),
    retryConfig: RETRY_CONFIG,
  };
  const receiver = connection.appToken
    ? new SocketModeReceiver({
        appToken: connection.appToken,
        logger: slackLogger,
        logLevel: level,
        // The Socket Mode client builds its own Web API client from these: apps.connections.open
        // then goes to SLACK_API_URL as well.
        installerOptions: { clientOptions: { ...clientOptions } },
      })
    : new BoundedHttpReceiver({
        signingSecret: connection.signingSecret ?? '',
        endpoints: '/slack/events',
        port: connection.port,
        logger: slackLogger,
        logLevel: level,
        processBeforeResponse: false,
        routes,
        ...(connection.oauth ? oauthOptions(connection.oauth, connection.apiUrl) : {}),
      });
  const app = new App({
    // Without a token, Bolt authorizes every event through the receiver's installer (the workspace's).
    token: connection.botToken,
    receiver,
    logger: slackLogger,
    logLevel: level,
    clientOptions,
    deferInitialization: true,
  });
  return { app, receiver, mode: connection.appToken ? 'socket' : 'http' };
}

/**
 * The receiver's OAuth options: `/slack/install` redirects straight to Slack's authorize page (with
 * the state in a cookie), `/slack/oauth_redirect` exchanges the code (`oauth.v2.access`) and stores the
 * installation. With SLACK_API_URL, both go to that host (`/oauth/v2/authorize` beside `/api/`).
 */
function oauthOptions(oauth: SlackOAuth, apiUrl: string | undefined) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: oauth.installationStore,
    scopes: BOT_SCOPES,
    installerOptions: {
      directInstall: true,
      ...(apiUrl
        ? {
            authorizationUrl: new URL('/oauth/v2/authorize', apiUrl).toString(),
            clientOptions: { slackApiUrl: apiUrl },
          }
        : {}),
    },
  };
}
