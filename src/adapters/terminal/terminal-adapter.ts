import { createInterface, type Interface } from 'node:readline';
import type { ConversationCore } from '../../core/conversation/conversation-core';
import type { IncomingMessage } from '../../core/conversation/message';
import { strings } from '../../core/conversation/strings';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { CheckinContent } from '../../core/plans/companion/checkin-content';
import type { DeliveryTarget, PlanDeliverer, StudyPlan } from '../../core/plans/plan-service';
import type { Adapter } from '../adapter';
import { terminalTarget } from './delivery-target';
import { ansiStyle, plainStyle, renderReplyText, type Style } from './render-text';

/** What the terminal adapter needs: the core and its own streams. */
export interface TerminalAdapterOptions {
  core: ConversationCore;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** Prints plans delivered here; the chat shows its prompt again after each. */
  deliverer?: TerminalDeliverer;
  logger: Logger;
  /** Called when the user quits or input ends. */
  onExit?: () => void;
}

const USER = { platform: 'terminal', id: 'local' } as const;

/**
 * An interactive chat in the terminal (after Hubot's shell adapter): every line goes to the
 * conversation core as a DM (`/topics`, `/help`, `/plan ...` or a question); `/quit` (or `quit`, `exit`, `bye` alone) leaves. Colour
 * only on a TTY. Plans requested here are printed by its {@link TerminalDeliverer}.
 */
export class TerminalAdapter implements Adapter {
  readonly name = 'terminal';
  private rl: Interface | undefined;
  private readonly style: Style;
  private pending = Promise.resolve();
  /** Set by `quit`: lines typed or piped after it are not answered. */
  private leaving = false;

  constructor(private readonly options: TerminalAdapterOptions) {
    this.style = options.output.isTTY ? ansiStyle : plainStyle;
  }

  private print(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  async start(): Promise<void> {
    const { input, output } = this.options;
    this.rl = createInterface({
      input,
      output,
      terminal: Boolean(output.isTTY),
      prompt: this.style.accent('you › '),
    });
    this.print(
      `${this.style.bold('backend-mentor')}: ask me about backend engineering. ${this.style.dim('/help for commands, /quit to leave.')}`,
    );
    this.rl.prompt();
    // A check-in due now is shown at start: the terminal gets no messages of its own.
    this.pending = this.pending.then(() => this.showDue());
    if (this.options.deliverer) this.options.deliverer.afterPrint = () => this.rl?.prompt(true);
    this.rl.on('line', (line) => {
      // Lines are handled one after another, so answers come back in the order questions were asked.
      this.pending = this.pending.then(() => this.handleLine(line));
    });
    this.rl.on('close', () => {
      this.rl = undefined;
      void this.pending.then(() => this.options.onExit?.());
    });
  }

  private async handleLine(line: string): Promise<void> {
    const text = line.trim();
    if (this.leaving) return;
    if (text === '') {
      this.rl?.prompt();
      return;
    }
    if (/^\/?(quit|exit|bye)$/i.test(text)) {
      this.leaving = true;
      this.print('Bye!');
      this.rl?.close();
      return;
    }
    try {
      const message: IncomingMessage = {
        user: USER,
        where: { kind: 'dm', conversationId: 'local' },
        text,
        kind: 'message',
        deliverTo: terminalTarget(USER.id),
      };
      const replies = await this.options.core.receive(message);
      const shown = replies.map((r) => renderReplyText(r, this.style, '/', { sized: true }));
      this.print(`${shown.join('\n')}\n`);
    } catch (error) {
      this.options.logger.error({ error: describeError(error) }, 'terminal message failed');
      this.print(strings.sorry);
    }
    this.rl?.prompt();
  }

  private async showDue(): Promise<void> {
    const due = await this.options.core.dueCheckins(USER).catch(() => []);
    if (due.length === 0) return;
    this.print(`\n${due.map((r) => renderReplyText(r, this.style, '/')).join('\n')}\n`);
    this.rl?.prompt();
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.pending;
  }

  isReady(): boolean {
    return this.rl !== undefined;
  }
}

/**
 * Delivers plans asked in the terminal chat: prints them on the chat's output. It exists before the
 * chat (the plan worker starts first); the chat shows its prompt again after each plan.
 */
export class TerminalDeliverer implements PlanDeliverer {
  readonly platform = 'terminal';
  /** Set by the chat once it runs. */
  afterPrint: (() => void) | undefined;
  private readonly style: Style;

  constructor(private readonly output: NodeJS.WritableStream & { isTTY?: boolean }) {
    this.style = output.isTTY ? ansiStyle : plainStyle;
  }

  /** Delivery keys printed by this process (the terminal's plans live in it): a resend prints nothing. */
  private readonly printed = new Set<string>();

  /** Prints a finished plan in the chat, once per job. */
  async deliver(_target: DeliveryTarget, plan: StudyPlan, jobId = ''): Promise<void> {
    if (!this.once(jobId)) return;
    this.output.write(`\n${this.style.bold('Your study plan is ready:')}\n${plan.markdown}\n\n`);
    this.afterPrint?.();
  }

  /** Prints a weekly check-in and its actions' labels, once per key. */
  async deliverCheckin(_target: DeliveryTarget, content: CheckinContent, key: string): Promise<void> {
    if (!this.once(`checkin:${key}`)) return;
    const actions = content.actions.map((a) => `  - ${a.label}`).join('\n');
    this.output.write(`\n${this.style.bold('Weekly check-in:')}\n${content.text}\n\n${actions}\n\n`);
    this.afterPrint?.();
  }

  private once(key: string): boolean {
    if (!key) return true;
    if (this.printed.has(key)) return false;
    this.printed.add(key);
    if (this.printed.size > 1000) this.printed.delete(this.printed.values().next().value as string);
    return true;
  }
}
