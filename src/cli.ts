import { config as loadDotenv } from 'dotenv';
import { runCli } from './cli/run-cli';

loadDotenv({ quiet: true });
runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
