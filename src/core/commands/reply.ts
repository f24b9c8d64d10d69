import type { Answer } from '../answers/compose-answer';

/** A node of the knowledge tree shown by `topics`. */
export interface TopicNode {
  id: string;
  title: string;
  kind: 'document' | 'section' | 'item';
  children: TopicNode[];
}

/** One command in the help text; each platform adds its own prefix (`/ask`, `/mentor ask`, ...). */
export interface HelpEntry {
  command: string;
  args: string;
  description: string;
}

/** What the core answers to a command: plain data that adapters render. */
export type Reply =
  | { type: 'answer'; answer: Answer }
  | { type: 'topics'; filter?: string; topics: TopicNode[]; total: number }
  | { type: 'help'; commands: HelpEntry[] }
  | { type: 'error'; id: string; message: string };
