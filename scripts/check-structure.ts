// `npm run lint:structure` (and part of `npm test`): checks the file vocabulary of lib/<domain>/
// (scripts/lib/structure.ts), naming each offending file.
import { readDomainFiles, structureProblems, VOCABULARY } from "./lib/structure";

async function main() {
  const problems = structureProblems(await readDomainFiles(process.cwd()));
  if (problems.length === 0) {
    console.log("lib/<domain>/ file vocabulary OK");
    return;
  }
  console.error(`${problems.length} file(s) in lib/ break the folder vocabulary:\n`);
  for (const problem of problems) console.error(`  ${problem}`);
  console.error(`\nThe vocabulary of lib/<domain>/ (docs/architecture.md):\n  ${VOCABULARY.join("\n  ")}`);
  process.exitCode = 1;
}

void main();
