import { PLACES, PROGRESS_NOTES, rectificationSummary } from '../scenario/filings';
import { POLICY_DAYS, SEVERITY_ACK_FACTOR } from '../scenario/profiles';
import { Inspector } from './inspector';
import { IssueItem, Page, SimIssue } from './issues';
import { Role, World } from './world';

// Unit handlers work their inboxes as diligently as their unit's profile: they acknowledge, return what is not
// theirs (and sometimes what is), report progress, ask for extensions, and submit rectification early or late.

export class Handlers extends Role {
  constructor(
    world: World,
    private readonly inspector: Inspector,
  ) {
    super(world);
  }

  async inboxCheck(unit: string, username: string): Promise<void> {
    const page = await this.requests.get<Page<IssueItem>>(username, `/units/${unit}/inbox?limit=500`);
    for (const item of page?.items ?? []) {
      const sim = this.world.issues.get(item.id);
      if (!sim) continue;
      if (item.leadUnit === unit) {
        if (item.status === 'assigned') {
          const key = `${unit}|${item.acknowledgeDueAt ?? item.assignedAt ?? item.version}`;
          if (sim.assignKey !== key) this.planAssignment(sim, unit, username, item, key);
        } else if (item.status === 'in_progress') {
          const key = `${unit}|${item.reopenCount}`;
          if (sim.resolveKey !== key) this.planResolution(sim, unit, username, item);
        }
      } else if (item.coUnits?.includes(unit) && item.status === 'in_progress' && !sim.coProgress.has(unit)) {
        sim.coProgress.add(unit);
        const rng = this.stream('co-unit', sim.n, unit);
        if (rng.chance(this.world.profileOf(unit).progressProb * 0.5)) {
          this.agenda.schedule(this.agenda.now() + rng.uniform(0.1, 1.5), 'progress:co-unit', sim.id, async () => {
            await this.requests.act('progress:co-unit', username, 'POST', `/issues/${sim.id}/progress`, {
              note: '协办单位：已按职责配合开展核查，相关情况已报主办单位。',
            });
          });
        }
      }
    }
  }

  private planAssignment(sim: SimIssue, unit: string, username: string, item: IssueItem, key: string): void {
    sim.assignKey = key;
    const profile = this.world.profileOf(unit);
    const rng = this.stream('assign', sim.n, key);
    sim.rightUnit ??= unit;
    const misrouted = sim.rightUnit !== unit;
    const shirk = !misrouted && !sim.manual && item.returnCount === 0 && rng.chance(profile.shirkProb);
    const factor = SEVERITY_ACK_FACTOR[sim.severity];
    const now = this.agenda.now();
    if (misrouted || shirk) {
      const { reason, reasonCode } = this.returnReason(sim, unit, shirk);
      this.agenda.schedule(
        now + rng.uniform(...profile.returnDelay) * Math.max(factor, 0.5),
        'return',
        sim.id,
        async () => {
          if (sim.assignKey !== key) return;
          const done = await this.requests.act(
            shirk ? 'return:shirk' : 'return',
            username,
            'POST',
            `/issues/${sim.id}/return`,
            {
              reason,
              reasonCode,
            },
          );
          if (done) {
            sim.returnedBy.add(unit);
            this.requests.count('return');
          }
        },
      );
      return;
    }
    this.agenda.schedule(now + rng.uniform(...profile.ackDelay) * factor, 'acknowledge', sim.id, async () => {
      if (sim.assignKey !== key) return;
      const view = await this.requests.act('acknowledge', username, 'POST', `/issues/${sim.id}/acknowledge`, {});
      if (view) this.planResolution(sim, unit, username, view);
    });
  }

  private returnReason(sim: SimIssue, unit: string, shirk: boolean): { reason: string; reasonCode: string } {
    if (shirk) return { reason: '该问题涉及多个部门职责，建议由州级主管部门牵头办理。', reasonCode: 'other' };
    const right = sim.rightUnit ? this.cast.units.get(sim.rightUnit)?.name : undefined;
    switch (sim.scenario) {
      case 'provincial_road':
        return { reason: '该路段为省道，由州交通运输局负责管养，不属于我单位职责。', reasonCode: 'not_our_duty' };
      case 'wrong_category':
        return {
          reason: `经核实，该问题属于属地管理事项，应由${right ?? '属地政府'}办理。`,
          reasonCode: 'not_our_duty',
        };
      case 'wrong_region':
        return {
          reason: `经核实，${sim.village ?? '该村'}属${PLACES[sim.trueRegion]?.county ?? '其他县（市）'}管辖，不在我单位辖区。`,
          reasonCode: 'not_our_jurisdiction',
        };
      default:
        return {
          reason: `经核实不属于${this.cast.units.get(unit)?.name ?? '我单位'}职责范围。`,
          reasonCode: 'not_our_duty',
        };
    }
  }

  private planResolution(sim: SimIssue, unit: string, username: string, view: IssueItem): void {
    const key = `${unit}|${view.reopenCount}`;
    sim.resolveKey = key;
    const profile = this.world.profileOf(unit);
    const rng = this.stream('resolve', sim.n, key);
    const window = POLICY_DAYS[sim.severity].resolve;
    const now = this.agenda.now();
    const due = view.dueAt ? this.agenda.toSim(view.dueAt) : now + window;
    const base = due - window;
    const late = rng.chance(view.reopenCount > 0 ? profile.lateProb * 0.6 : profile.lateProb);
    const fraction = late ? rng.uniform(...profile.late) : rng.uniform(...profile.onTime);
    const rectifyAt = Math.max(now + 0.02, base + fraction * window);
    const stillMine = () => sim.resolveKey === key;

    if (rng.chance(profile.progressProb)) {
      this.agenda.schedule(now + (rectifyAt - now) * rng.uniform(0.3, 0.7), 'progress', sim.id, async () => {
        if (!stillMine()) return;
        await this.requests.act('progress', username, 'POST', `/issues/${sim.id}/progress`, {
          note: rng.pick(PROGRESS_NOTES),
        });
      });
    }
    if (late && rng.chance(profile.extensionProb)) {
      const askAt = Math.max(now + 0.02, base + window * rng.uniform(0.55, 0.9));
      const requestedDueAt = this.agenda.realIso(base + (fraction + rng.uniform(0.1, 0.3)) * window);
      if (askAt < due) {
        this.agenda.schedule(askAt, 'extension-request', sim.id, async () => {
          if (!stillMine()) return;
          const request = await this.requests.act<{ id: string }>(
            'extension-request',
            username,
            'POST',
            `/issues/${sim.id}/extension-requests`,
            {
              requestedDueAt,
              reason: rng.pick([
                '涉及项目立项和资金审批，需延长整改期限。',
                '雨季施工条件受限，申请延期完成整改。',
                '需协调多个部门联合整改，申请延期。',
              ]),
            },
          );
          if (request) this.inspector.planExtensionDecision(sim, request.id, key);
        });
      }
    }
    this.agenda.schedule(rectifyAt, 'rectification', sim.id, async () => {
      if (!stillMine()) return;
      await this.requests.act('rectification', username, 'POST', `/issues/${sim.id}/rectification`, {
        summary: rectificationSummary(rng, sim.category, sim.kind),
        evidence: [
          { type: 'photo', uri: `https://evidence.example.cn/sim/${sim.n}/after-${view.reopenCount}.jpg` },
          { type: 'document', description: '整改报告' },
        ],
      });
    });
  }
}
