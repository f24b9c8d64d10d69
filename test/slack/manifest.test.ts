import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOT_SCOPES } from '../../src/adapters/slack/create-bolt-app';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'slack', 'manifest.json'), 'utf8'));

describe('slack/manifest.json', () => {
  test('declares the bot user, the /mentor command, the App Home messages tab and Socket Mode', () => {
    expect(manifest.features.bot_user.display_name).toBe('mentor');
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/mentor']);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  test('subscribes to the events the listeners handle and asks for the scopes the Web API calls need', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      [
        'app_mention',
        'message.channels',
        'message.groups',
        'message.im',
        'message.mpim',
        // any-workspace mode deletes the installation on these
        'app_uninstalled',
        'tokens_revoked',
      ].sort(),
    );
    // commands: /mentor; chat:write: postMessage/postEphemeral; im:write: conversations.open for plan DMs;
    // *:history: the message events; app_mentions:read: app_mention; files:write: the plan's .ics;
    // users:read: users.info for the user's time zone (check-ins at 09:00 their time).
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
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
      ].sort(),
    );
  });

  test('points every HTTP-mode URL at /slack/events', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ];
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
  });

  test('fits Slack limits on names and descriptions', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.features.slash_commands[0].description.length).toBeLessThanOrEqual(100);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });

  test('GIVEN the OAuth install THEN it asks for exactly the manifest scopes and redirects to /slack/oauth_redirect', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.oauth_config.redirect_urls[0]).toMatch(/\/slack\/oauth_redirect$/);
  });
});
