/**
 * Slack's message limits (Block Kit reference), with a margin where Slack's own accounting is fuzzy.
 * Every message the adapter sends is packed to stay inside these.
 */
export const LIMITS = {
  /** Blocks per message (Slack: 50). */
  blocksPerMessage: 50,
  /** Characters of a section's text (Slack: 3000); kept lower so escaping never tips it over. */
  sectionText: 2900,
  /** The serialised blocks of one message; Slack answers `msg_blocks_too_long` at about 12k. */
  blocksJson: 11_000,
  /** The top-level `text` fallback we send (Slack truncates at 40k; notifications show far less). */
  fallbackText: 3000,
  /** A button's label (Slack: 75). */
  buttonText: 75,
  /** A button's value (Slack: 2000). */
  buttonValue: 2000,
  /** Elements of a context block (Slack: 10). */
  contextElements: 10,
  /** A modal's title (Slack: 24). */
  modalTitle: 24,
} as const;
