import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The layering rules of eslint.config.mjs, proven on imports that break them (and ones that do not). ESLint loads
// its config as an ES module, which jest's sandbox cannot, so one child process lints every probe.

const ROOT = join(__dirname, '..', '..');
const LINT_PROBES = `
  const { ESLint } = require('eslint');
  const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  (async () => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const verdicts = [];
    for (const [filePath, source] of probes) {
      const [result] = await eslint.lintText(source + '\\nexport const used = x;\\n', { filePath });
      verdicts.push(result.messages.some((message) => message.ruleId === 'no-restricted-imports'));
    }
    process.stdout.write(JSON.stringify(verdicts));
  })();
`;

function restricted(probes: [string, string][]): boolean[] {
  const output = execFileSync(process.execPath, ['-e', LINT_PROBES], { cwd: ROOT, input: JSON.stringify(probes) });
  return JSON.parse(output.toString('utf8'));
}

const FORBIDDEN: [string, string][] = [
  ['libs/domain/src/probe.ts', "import { Injectable as x } from '@nestjs/common';"],
  ['libs/domain/src/probe.ts', "import { EntityManager as x } from 'typeorm';"],
  ['libs/domain/src/probe.ts', "import { IssueEntity as x } from '@app/persistence';"],
  ['libs/persistence/src/probe.ts', "import { EventLog as x } from '@app/workflow';"],
  ['libs/persistence/src/probe.ts', "import { OutboxWriter as x } from '@app/messaging';"],
  ['libs/messaging/src/probe.ts', "import { WorkflowModule as x } from '@app/workflow';"],
  ['libs/messaging/src/probe.ts', "import { createApiApp as x } from '../../../apps/api/src/api-app';"],
  ['libs/workflow/src/issue-record/probe.ts', "import { RoutingService as x } from '../routing/routing.service';"],
  ['libs/workflow/src/deadlines/probe.ts', "import { RoutingService as x } from '../routing/routing.service';"],
  ['libs/workflow/src/notifications/probe.ts', "import { DeadlineService as x } from '../deadlines/deadline.service';"],
  [
    'libs/workflow/src/issues/commands/probe.ts',
    "import { Reconciler as x } from '../../reconciler/reconciler.service';",
  ],
  ['apps/api/src/probe.ts', "import { WorkerModule as x } from '../../worker/src/worker.module';"],
  ['apps/worker/src/probe.ts', "import { ApiModule as x } from '../../api/src/api.module';"],
];

const ALLOWED: [string, string][] = [
  ['libs/domain/src/probe.ts', "import { DateTime as x } from 'luxon';"],
  ['libs/workflow/src/routing/probe.ts', "import { EventLog as x } from '../issue-record/event-log';"],
  ['libs/workflow/src/reconciler/probe.ts', "import { RoutingService as x } from '../routing/routing.service';"],
  ['libs/workflow/src/issues/commands/probe.ts', "import { EventLog as x } from '../../issue-record/event-log';"],
  ['libs/messaging/src/probe.ts', "import { OutboxMessageEntity as x } from '@app/persistence';"],
  ['apps/api/src/probe.ts', "import { WorkflowModule as x } from '@app/workflow';"],
];

describe('the import layering is enforced by `npm run lint`', () => {
  const verdicts = restricted([...FORBIDDEN, ...ALLOWED]);

  it.each(FORBIDDEN.map((probe, index) => [...probe, verdicts[index]]))('%s may not %s', (_file, _source, verdict) => {
    expect(verdict).toBe(true);
  });

  it.each(ALLOWED.map((probe, index) => [...probe, verdicts[FORBIDDEN.length + index]]))(
    '%s may %s',
    (_file, _source, verdict) => {
      expect(verdict).toBe(false);
    },
  );
});
