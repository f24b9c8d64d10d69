import { createInterface, type Interface } from 'node:readline';
import type { AskService } from '../../core/ask-service';
import { parseCommand } from '../../core/commands/parse-command';
import type { Reply } from '../../core/commands/reply';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Mentor } from '../../core/mentor';
import type { DeliveryTarget, PlanDeliverer, PlanService, StudyPlan } from '../../core/plans/plan-service';
import type { Adapter } from '../adapter';
import { handlePlanText } from './plan-text';
import { ansiStyle, plainStyle, renderReplyText, type Style } from './render-text';

/** What the terminal adapter needs. */
export interface TerminalAdapterOptions {
  mentor: Mentor;
  asker: AskService;
  plans?: PlanService;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
  logger: Logger;
  /** Called when the user quits or input ends. */
  onExit?: () => void;
}

const USER = { platform: 'terminal', id: 'local' } as const;

/**
 * An interactive chat in the terminal (after Hubot's shell adapter): plain text asks; `/topics`,
 * `/help`, `/plan ...` and `/quit` are commands. Colour only on a TTY. It also delivers plans
 * requested here when the worker finishes them.
 */
export class TerminalAdapter implements Adapter, PlanDeliverer {
  readonly name = 'terminal';
  readonly platform = 'terminal';
  private rl: Interface | undefined;
  private readonly style: Style;
  private pending = Promise.resolve();

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
    if (text === '') {
      this.rl?.prompt();
      return;
    }
    if (/^\/(quit|exit|bye)$/i.test(text)) {
      this.print('Bye!');
      this.rl?.close();
      return;
    }
    try {
      this.print(`${await this.reply(text)}\n`);
    } catch (error) {
      this.options.logger.error({ error: describeError(error) }, 'terminal message failed');
      this.print('Sorry, something went wrong on my side. Please try again.');
    }
    this.rl?.prompt();
  }

  private async reply(text: string): Promise<string> {
    const { mentor, plans } = this.options;
    const command = parseCommand(text);
    if (command.name === 'plan') {
      if (!plans) return 'Study plans are not available here.';
      return handlePlanText(plans, USER, command.args, this.style);
    }
    const reply: Reply =
      command.name === 'help' ? mentor.help(plans?.helpEntries() ?? []) : mentor.handleText(text);
    return renderReplyText(reply, this.style, '/');
  }

  /** Prints a finished plan in the chat. */
  async deliver(_target: DeliveryTarget, plan: StudyPlan): Promise<void> {
    this.print(`\n${this.style.bold('Your study plan is ready:')}\n${plan.markdown}\n`);
    this.rl?.prompt(true);
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.pending;
  }

  isReady(): boolean {
    return this.rl !== undefined;
  }
}
