/**
 * Greetings and whom they address ("good morning everyone", "hello, folks"): they greet and ask
 * nothing, so neither the search nor a plainer reading of a question takes them for its subject.
 */

/** Words that address the room after a greeting. */
const ADDRESSEES = '(?:everyone|everybody|all|folks|guys|team|there|friends)';
const GREETINGS = '(?:good (?:morning|afternoon|evening)|hi|hello|hey|greetings)';

/** A greeting anywhere in a message, with the addressee after it (global: for `replace`). */
export const GREETING = new RegExp(`\\b${GREETINGS}(?:,? ${ADDRESSEES})?\\b`, 'gi');

/** A greeting to the room opening a message ("hello, folks!"), with the punctuation after it. */
export const OPENING_GREETING = new RegExp(`^\\s*${GREETINGS}\\b[\\s,]*${ADDRESSEES}\\b[\\s,.!]*`, 'i');
