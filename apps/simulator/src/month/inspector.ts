import { IssueItem, Page, SimIssue } from './issues';
import { Role } from './world';

// The inspection office: it routes what automatic routing sent to triage, decides extension requests, marks key
// proposals, sends supervision notices for long-overdue issues and, at the end, records democratic evaluations.

export class Inspector extends Role {
  planExtensionDecision(sim: SimIssue, requestId: string, key: string): void {
    const rng = this.stream('extension', sim.n, key);
    const approved = rng.chance(0.65);
    this.agenda.schedule(this.agenda.now() + rng.uniform(0.2, 1.2), 'extension-decision', sim.id, async () => {
      await this.requests.act(
        approved ? 'extension-approved' : 'extension-rejected',
        this.cast.inspector,
        'POST',
        `/issues/${sim.id}/extension-requests/${requestId}/decision`,
        approved
          ? { approved: true, comment: '理由充分，同意延期，请按新时限完成整改。' }
          : { approved: false, comment: '延期理由不充分，请按原时限完成整改。' },
      );
    });
  }

  async triageCheck(): Promise<void> {
    const page = await this.requests.get<Page<IssueItem>>(this.cast.inspector, '/issues?status=triage&limit=500');
    for (const item of page?.items ?? []) {
      const sim = this.world.issues.get(item.id);
      if (!sim) continue;
      const key = `${item.id}|${item.returnCount}`;
      if (sim.triageKey === key) continue;
      sim.triageKey = key;
      const rng = this.stream('triage', sim.n, item.returnCount);
      const lead = sim.rightUnit ?? this.triageDefault(sim.category);
      if (!lead) continue;
      const coUnits =
        lead === 'pref-agriculture' &&
        sim.category === 'rural_living_environment' &&
        this.cast.units.has('pref-ecology')
          ? ['pref-ecology']
          : [];
      const overrule = sim.returnedBy.has(lead);
      const reason = overrule
        ? '经核实属你单位职责，退回理由不成立，请按期办理。'
        : `经研究，交由${this.cast.units.get(lead)?.name ?? lead}牵头办理。`;
      this.agenda.schedule(
        this.agenda.now() + rng.uniform(0.05, 0.6),
        overrule ? 'assign:overrule' : 'assign',
        sim.id,
        async () => {
          if (sim.triageKey !== key) return;
          sim.rightUnit = lead;
          sim.manual = true;
          await this.requests.act(
            overrule ? 'assign:overrule' : 'assign',
            this.cast.inspector,
            'POST',
            `/issues/${sim.id}/assign`,
            {
              leadUnit: lead,
              coUnits,
              reason,
            },
          );
        },
      );
    }
  }

  private triageDefault(category: string): string | undefined {
    const fallback: Record<string, string> = {
      rural_roads: 'pref-transport',
      rural_living_environment: 'pref-agriculture',
      poverty_alleviation: 'pref-agriculture',
    };
    const unit = this.cast.categoryDepartment.get(category) ?? fallback[category];
    return unit && this.cast.units.has(unit) ? unit : undefined;
  }

  /** Each morning: supervision notices for the longest-overdue issues that reached level 2 or higher. */
  async overdueBoard(): Promise<void> {
    const page = await this.requests.get<Page<IssueItem>>(
      this.cast.inspector,
      '/oversight/overdue?minLevel=2&limit=500',
    );
    let sent = 0;
    for (const item of page?.items ?? []) {
      if (sent >= 4) break;
      const sim = this.world.issues.get(item.id);
      if (!sim || sim.noticeLevels.has(item.escalationLevel)) continue;
      sim.noticeLevels.add(item.escalationLevel);
      sent += 1;
      const rng = this.stream('notice', sim.n, item.escalationLevel);
      const days = Math.max(1, Math.round(((item.overdueSeconds ?? 0) * 1000) / this.world.options.dayMs));
      this.agenda.schedule(this.agenda.now() + rng.uniform(0.05, 0.3), 'notice', sim.id, async () => {
        await this.requests.act('notice', this.cast.inspector, 'POST', `/issues/${sim.id}/supervision-notices`, {
          note: `督办通知：该问题已逾期约${days}天（第${item.escalationLevel}级督办），请于3日内报送整改进展并说明逾期原因。`,
        });
      });
    }
  }

  /** At the end of the month: a democratic evaluation of the units that handled the most issues. */
  async democraticEvaluations(): Promise<unknown[]> {
    const handled = new Map<string, number>();
    for (const sim of this.world.issues.values()) {
      if (sim.rightUnit) handled.set(sim.rightUnit, (handled.get(sim.rightUnit) ?? 0) + 1);
    }
    const chosen = [...handled.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 6)
      .map(([unit]) => unit)
      .sort();
    const year = String(this.world.options.year);
    const results: unknown[] = [];
    for (const unit of chosen) {
      const rng = this.stream('evaluation', unit);
      const profile = this.world.profileOf(unit);
      const score = Math.round(rng.uniform(...profile.evaluation) * 10) / 10;
      const result = await this.requests.act('evaluation', this.cast.inspector, 'POST', '/assessment/evaluations', {
        unit,
        period: year,
        score,
        comment: `民主评议：${profile.evaluation[0] >= 85 ? '办理及时，群众认可度高' : '办理效率有待提高'}。`,
      });
      if (result) results.push(result);
    }
    return results;
  }
}
