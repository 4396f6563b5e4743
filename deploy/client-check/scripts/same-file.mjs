// Fails when the committed combined document is not the one the services' documents join into.
import { readFileSync } from 'node:fs';

const [generated, committed] = process.argv.slice(2);
if (readFileSync(generated, 'utf8') !== readFileSync(committed, 'utf8')) {
  console.error(`${committed} is not what the services' documents join into (${generated}).\n`
    + 'Review the difference and run `npm run combine:write` in deploy/client-check to update it.');
  process.exit(1);
}
console.log(`${committed} is the join of the services' documents.`);
