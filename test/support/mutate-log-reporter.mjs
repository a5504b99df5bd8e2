// Mutation runs only (stryker.config.mjs): one JSON line per tested mutant, written as it is tested, to
// the file named by STRYKER_MUTANT_LOG. Stryker writes its reports only at the end of a run, so a long run
// that is cut short (a deadline, a full disk) otherwise leaves nothing; this log keeps every verdict so
// far. One line per mutant, so the file cannot grow beyond the run's mutant count.
import { appendFileSync, mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

class MutantLogReporter {
  constructor() {
    this.file = process.env.STRYKER_MUTANT_LOG;
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, '');
    }
  }

  onMutantTested(r) {
    if (!this.file) return;
    const { fileName, location, mutatorName, replacement, status, static: isStatic } = r;
    const line = { file: fileName, line: location.start.line, col: location.start.column, mutatorName, replacement, status, static: isStatic };
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'mutant-log', MutantLogReporter)];
