/** Bad command-line arguments: the CLI exits with code 2 and prints the usage. */
export class UsageError extends Error {}
