import { interactionToken, snowflake } from './snowflake';

/** A Discord user as the gateway sends it. */
export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

/** A human user. */
export function fakeUser(name = 'ada', id = snowflake()): FakeUser {
  return { id, username: name, global_name: name, discriminator: '0', avatar: null };
}

/** Where an interaction or message happens. */
export type Place = { kind: 'guild'; guildId: string; channelId: string } | { kind: 'dm'; channelId: string };

/** A server channel (or a DM channel with `dm`). */
export function guildPlace(guildId = snowflake(), channelId = snowflake()): Place {
  return { kind: 'guild', guildId, channelId };
}

export function dmPlace(channelId = snowflake()): Place {
  return { kind: 'dm', channelId };
}

/** A slash-command option as Discord sends it (type 3 string, 4 integer, 1 subcommand). */
export interface FakeOption {
  name: string;
  type: number;
  value?: string | number;
  focused?: boolean;
  options?: FakeOption[];
}

/** Options of an interaction builder. */
export interface InteractionInit {
  appId: string;
  user: FakeUser;
  place: Place;
  /** When the interaction was created (its id's timestamp); now by default. */
  at?: number;
}

function base(init: InteractionInit, type: number) {
  const id = snowflake(init.at);
  const { place, user } = init;
  const channel =
    place.kind === 'guild'
      ? {
          id: place.channelId,
          type: 0,
          guild_id: place.guildId,
          name: 'general',
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
          last_message_id: null,
          rate_limit_per_user: 0,
          topic: null,
          flags: 0,
        }
      : { id: place.channelId, type: 1, last_message_id: null, recipients: [user], flags: 0 };
  const who =
    place.kind === 'guild'
      ? {
          guild_id: place.guildId,
          member: {
            user,
            roles: [],
            joined_at: '2024-01-01T00:00:00.000000+00:00',
            deaf: false,
            mute: false,
            pending: false,
            nick: null,
            avatar: null,
            flags: 0,
            permissions: '2248473465835073',
            premium_since: null,
            communication_disabled_until: null,
          },
          guild: { id: place.guildId, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
        }
      : { user };
  return {
    id,
    application_id: init.appId,
    type,
    token: interactionToken(),
    version: 1,
    channel_id: place.channelId,
    channel,
    ...who,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: place.kind === 'guild' ? { '0': place.guildId } : { '1': user.id },
    context: place.kind === 'guild' ? 0 : 1,
    attachment_size_limit: 10485760,
  };
}

/** The names of the bot's commands and the ids the fake gives them. */
const commandIds = new Map<string, string>();
const commandId = (name: string) => {
  if (!commandIds.has(name)) commandIds.set(name, snowflake());
  return commandIds.get(name)!;
};

/** A slash-command interaction (type 2, chat input). */
export function slashInteraction(init: InteractionInit, name: string, options: FakeOption[] = []) {
  return { ...base(init, 2), data: { id: commandId(name), name, type: 1, options } };
}

/** An autocomplete interaction (type 4); one option must be `focused`. */
export function autocompleteInteraction(init: InteractionInit, name: string, options: FakeOption[]) {
  return { ...base(init, 4), data: { id: commandId(name), name, type: 1, options } };
}

/** A button click (type 3) on a message the bot sent. */
export function buttonInteraction(init: InteractionInit, customId: string, message: Record<string, unknown>) {
  return { ...base(init, 3), data: { custom_id: customId, component_type: 2 }, message };
}

/** A MESSAGE_CREATE dispatch: a DM (with `channel_type: 1`) or a server message. */
export function messageCreate(init: {
  author: FakeUser;
  place: Place;
  content: string;
  mentions?: FakeUser[];
  mentionEveryone?: boolean;
}) {
  const { place } = init;
  return {
    id: snowflake(),
    channel_id: place.channelId,
    ...(place.kind === 'guild'
      ? {
          guild_id: place.guildId,
          member: {
            roles: [],
            joined_at: '2024-01-01T00:00:00.000000+00:00',
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { channel_type: 1 }),
    author: init.author,
    content: init.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: init.mentionEveryone ?? false,
    mentions: init.mentions ?? [],
    mention_roles: [],
    mention_channels: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    nonce: snowflake(),
  };
}

/** Option helpers. */
export const opt = {
  string: (name: string, value: string, focused?: boolean): FakeOption => ({
    name,
    type: 3,
    value,
    ...(focused ? { focused } : {}),
  }),
  integer: (name: string, value: number): FakeOption => ({ name, type: 4, value }),
  sub: (name: string, options: FakeOption[] = []): FakeOption => ({ name, type: 1, options }),
};
