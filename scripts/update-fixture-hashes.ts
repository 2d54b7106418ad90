/**
 * Recomputes `questionnaire.version` and `questionnaire.hash` in every example assessment under
 * questionnaires/<id>/fixtures/*.fria.json, so fixtures stay valid after a questionnaire is edited.
 *
 *   npx tsx scripts/update-fixture-hashes.ts          rewrite stale fixtures
 *   npx tsx scripts/update-fixture-hashes.ts --check  only report; exit 1 if any fixture is stale
 *
 * The hash is the same one the app records: questionnaireHash() over the validated questionnaire.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { validateQuestionnaire } from '../src/core/questionnaire/validate';
import { questionnaireHash } from '../src/core/assessment/assessment';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'questionnaires');
const check = process.argv.includes('--check');

let stale = 0;
let failed = false;
for (const entry of readdirSync(dir, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const qFile = join(dir, entry.name, 'questionnaire.json');
  const fixtureDir = join(dir, entry.name, 'fixtures');
  if (!existsSync(qFile) || !existsSync(fixtureDir)) continue;
  const result = validateQuestionnaire(JSON.parse(readFileSync(qFile, 'utf8')));
  if (!result.valid) {
    // A hash of an invalid file would be meaningless: fix the questionnaire first.
    console.error(`${relative(root, qFile)} is not valid; run "npm run fria -- validate" on it.`);
    failed = true;
    continue;
  }
  const q = result.questionnaire;
  const hash = await questionnaireHash(q);
  for (const name of readdirSync(fixtureDir)
    .filter((n) => n.endsWith('.fria.json'))
    .sort()) {
    const file = join(fixtureDir, name);
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      questionnaire?: { id?: string; version?: string; hash?: string };
    };
    if (data.questionnaire?.id !== q.id) {
      console.error(`${relative(root, file)}: questionnaire id is not "${q.id}".`);
      failed = true;
      continue;
    }
    if (data.questionnaire.version === q.version && data.questionnaire.hash === hash) continue;
    stale++;
    if (check) {
      console.error(`${relative(root, file)}: stale questionnaire hash or version.`);
      continue;
    }
    data.questionnaire = { ...data.questionnaire, version: q.version, hash };
    const options = { ...(await resolveConfig(file)), filepath: file };
    writeFileSync(file, await format(JSON.stringify(data, null, 2), options));
    console.log(`updated ${relative(root, file)}`);
  }
}
if (failed || (check && stale > 0)) process.exit(1);
if (!check && stale === 0) console.log('All fixture hashes are up to date.');
