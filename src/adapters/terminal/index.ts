import type { Platform } from '../platform';
import { terminalTargetSchema } from './delivery-target';
import { TerminalAdapter, TerminalDeliverer } from './terminal-adapter';

/** The terminal chat (`npm start` with no tokens, or TERMINAL=true): stdin in, stdout out. */
export const platform: Platform = {
  name: 'terminal',
  deliveryTargetSchema: terminalTargetSchema,
  createDeliverer: () => new TerminalDeliverer(process.stdout),
  createAdapter: ({ core, deliverer, logger, onExit }) =>
    new TerminalAdapter({
      core,
      input: process.stdin,
      output: process.stdout,
      deliverer: deliverer as TerminalDeliverer,
      logger,
      onExit,
    }),
};
