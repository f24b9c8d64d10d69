import { join } from 'node:path';
import type { APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { renderAnswer as discordAnswer } from '../../src/adapters/discord/render/answer-messages';
import { notice, textMessages } from '../../src/adapters/discord/render/info-messages';
import type { OutgoingMessage } from '../../src/adapters/discord/render/outgoing';
import type { SlackMessage } from '../../src/adapters/slack/render/message';
import { renderPlanResult } from '../../src/adapters/slack/render/plan-message';
import { renderReply } from '../../src/adapters/slack/render/reply-message';
import type { Answer } from '../../src/core/answers/compose-answer';
import { loadCurriculumFile } from '../../src/core/plans/curriculum';
import { parsePlanArgs } from '../../src/core/plans/parse-plan-args';
import { createTechnologyResolver } from '../../src/core/plans/resolve-technologies';
import { invalidRequestMessage, validatePlanRequest } from '../../src/core/plans/validate-plan-request';
import { hostileText } from '../helpers/hostile-text';
import { mentorFor } from '../helpers/knowledge';

const mentor = mentorFor();

/** A plain assertion: jest's expect is too slow for the 10,000 runs times every field checked here. */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}
const curriculum = loadCurriculumFile(join(__dirname, '../../knowledge/curriculum.yml'));
const resolver = createTechnologyResolver(curriculum);

/** An answer made of what a user typed, as the worst case a renderer can meet. */
const echoAnswer = (text: string, matched: boolean): Answer => ({
  question: text,
  matched,
  markdown: text,
  sources: [{ id: 'a', key: 'k', title: text.slice(0, 300), path: [text.slice(0, 50), text.slice(0, 300)] }],
  related: [1, 2, 3].map((i) => ({ id: `r${i}`, key: `k${i}`, title: text.slice(0, 120 * i) })),
  corrections: [],
  confidence: 1,
});

const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.author?.name.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

function expectDiscordLimits(messages: OutgoingMessage[], mayBeEmpty = false): void {
  if (!mayBeEmpty) check(messages.length > 0, `messages.length is empty`);
  for (const m of messages) {
    check((m.content?.length ?? 0) <= 2000, `m.content?.length ?? 0 > 2000`);
    const embeds = m.embeds ?? [];
    check(embeds.length <= 10, `embeds.length > 10`);
    for (const e of embeds) {
      check((e.title?.length ?? 0) <= 256, `e.title?.length ?? 0 > 256`);
      check((e.description?.length ?? 0) <= 4096, `e.description?.length ?? 0 > 4096`);
      check((e.footer?.text.length ?? 0) <= 2048, `e.footer?.text.length ?? 0 > 2048`);
      check((e.fields ?? []).length <= 25, `(e.fields ?? []).length > 25`);
      for (const f of e.fields ?? []) {
        check(f.name.length <= 256, `f.name.length > 256`);
        check(f.value.length <= 1024, `f.value.length > 1024`);
      }
    }
    check(
      embeds.reduce((n, e) => n + embedSize(e), 0) <= 6000,
      `embeds.reduce((n, e) => n + embedSize(e), 0) > 6000`,
    );
    for (const row of m.components ?? []) {
      check(row.components.length <= 5, `row.components.length > 5`);
      for (const c of row.components) {
        const button = c as { label?: string; custom_id?: string };
        check((button.label?.length ?? 0) <= 80, `button.label?.length ?? 0 > 80`);
        check((button.custom_id?.length ?? 0) <= 100, `button.custom_id?.length ?? 0 > 100`);
      }
    }
  }
}

/** Every mrkdwn text of a block tree: the only block text Slack parses for mentions. */
function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'mrkdwn' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap(mrkdwnTexts)];
}

function expectSlackLimits(messages: SlackMessage[]): void {
  check(messages.length > 0, `messages.length is empty`);
  for (const m of messages) {
    check(m.text.length > 0, `m.text.length is empty`);
    check(m.blocks.length <= 50, `m.blocks.length > 50`);
    check(JSON.stringify(m.blocks).length <= 12_000, `JSON.stringify(m.blocks).length > 12_000`);
    for (const block of m.blocks as { type: string; text?: { text: string } }[]) {
      if (block.type === 'section') {
        check(block.text!.text.length > 0, `block.text!.text.length is empty`);
        check(block.text!.text.length <= 3000, `block.text!.text.length > 3000`);
      }
    }
    // What a user typed can never become a Slack mention or a broadcast. (plain_text fields, such as
    // button labels, are never parsed for mentions by Slack.)
    for (const text of [m.text, ...mrkdwnTexts(m.blocks)])
      check(!/<[!@#]/.test(text), `mention syntax in ${text}`);
  }
}

describe('fuzzing the Discord and Slack renderers with 10,000 hostile inputs', () => {
  test('every message is within the platform limits and nothing a user typed can ping', () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (text, matched) => {
        const answer = echoAnswer(text, matched);
        expectDiscordLimits(discordAnswer(answer, 'abc'));
        expectDiscordLimits(textMessages(text.slice(0, 500), text), text.trim() === '');
        const note = notice(text);
        expectDiscordLimits([note]);
        check(!/@(everyone|here)|<[@#]/i.test(note.content ?? ''), `mention syntax in ${note.content ?? ''}`);

        expectSlackLimits(renderReply({ type: 'answer', answer }, { answerId: 'abc' }));
        expectSlackLimits(renderReply({ type: 'error', id: 'x', message: text || 'empty' }));
        const asked = mentor.ask(text);
        if (asked.type !== 'topics') expectSlackLimits(renderReply(asked));
        expectSlackLimits(renderReply({ type: 'topic-page', page: mentor.topicPage(text) }));

        const command = parsePlanArgs(text);
        if (command.action === 'new') {
          const checked = validatePlanRequest(command.input, curriculum, resolver);
          if (!checked.ok) {
            const message = invalidRequestMessage(checked.errors);
            expectSlackLimits(renderPlanResult({ status: 'invalid', errors: checked.errors, message }));
            const discord = notice(message);
            expectDiscordLimits([discord]);
            check(
              !/@(everyone|here)|<[@#]/i.test(discord.content ?? ''),
              `mention syntax in ${discord.content ?? ''}`,
            );
          }
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
