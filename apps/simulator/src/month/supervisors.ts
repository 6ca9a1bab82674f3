import {
  CATEGORY_REGIONS,
  CATEGORY_WEIGHTS,
  Filing,
  PREFECTURE,
  proposalFiling,
  supervisionFiling,
} from '../scenario/filings';
import { IssueItem, Page, Scenario, SimIssue } from './issues';
import { Role, World } from './world';

// Supervisors file issues (some misfiled on purpose, as people do) and verify rectifications; the CPPCC members
// among them file proposals.

export class Supervisors extends Role {
  /** Issues filed on each simulated day. */
  readonly filedByDay: number[] = [];
  filedTotal = 0;
  private readonly counties: string[];
  private readonly govOf = new Map<string, string>();

  constructor(world: World) {
    super(world);
    for (const unit of world.cast.units.values()) {
      if (unit.kind === 'government') this.govOf.set(unit.regionCode, unit.code);
    }
    this.counties = [...this.govOf.keys()].filter((code) => code !== PREFECTURE).sort();
  }

  async file(n: number, day: number): Promise<void> {
    const rng = this.stream('file', n);
    const { cast } = this;
    const proposal = cast.proposers.length > 0 && rng.chance(0.12);
    let filing: Filing;
    let scenario: Scenario = 'normal';
    let rightUnit: string | undefined;
    let trueRegion: string;
    let filer: string;
    if (proposal) {
      filing = proposalFiling(rng, cast.categories);
      filer = rng.pick(cast.proposers);
      scenario = 'proposal';
      trueRegion = filing.regionCode;
    } else {
      filer = rng.pick(cast.supervisors);
      const category = rng.weighted(CATEGORY_WEIGHTS.filter(([code]) => cast.categories.has(code)));
      const allowed = (CATEGORY_REGIONS[category] ?? this.counties).filter((code) => this.govOf.has(code));
      trueRegion = rng.pick(allowed.length ? allowed : this.counties);
      let filedRegion = trueRegion;
      const roll = rng.next();
      const regionRouted = category === 'rural_roads' || category === 'rural_living_environment';
      if (regionRouted && roll < 0.04) {
        scenario = 'prefecture_level';
        filedRegion = PREFECTURE;
      } else if (category === 'rural_roads' && roll < 0.1 && cast.units.has('pref-transport')) {
        scenario = 'provincial_road';
        rightUnit = 'pref-transport';
      } else if (cast.categoryDepartment.has(category) && roll < 0.07) {
        scenario = 'wrong_category';
        rightUnit = this.govOf.get(trueRegion);
      } else if (regionRouted && roll < 0.13) {
        scenario = 'wrong_region';
        const others = this.counties.filter((code) => code !== trueRegion);
        filedRegion = rng.pick(others);
        rightUnit = this.govOf.get(trueRegion);
      }
      filing = supervisionFiling(rng, category, trueRegion, n);
      filing.regionCode = filedRegion;
      if (scenario === 'prefecture_level') delete filing.location;
    }
    const body = { ...filing };
    const issue = await this.requests.act('file', filer, 'POST', '/issues', body, {
      'idempotency-key': `simulate-${this.world.options.seed}-${n}`,
    });
    if (!issue) return;
    this.filedByDay[day] = (this.filedByDay[day] ?? 0) + 1;
    this.filedTotal += 1;
    const sim: SimIssue = {
      n,
      id: issue.id,
      referenceNo: issue.referenceNo,
      kind: filing.kind,
      filer,
      category: filing.category,
      regionCode: filing.regionCode,
      severity: filing.severity,
      scenario,
      rightUnit,
      trueRegion,
      village: filing.location?.village,
      manual: false,
      returnedBy: new Set(),
      coProgress: new Set(),
      noticeLevels: new Set(),
      closed: false,
    };
    this.world.issues.set(sim.id, sim);
    const filedAt = this.agenda.now();
    if (rng.chance(0.015)) {
      this.agenda.schedule(filedAt + rng.uniform(0.1, 0.8), 'withdraw', sim.id, async () => {
        if (sim.closed) return;
        const done = await this.requests.act('withdraw', filer, 'POST', `/issues/${sim.id}/withdraw`, {
          reason: '与此前提交的问题重复，予以撤回。',
        });
        if (done) sim.closed = true;
      });
    }
    if (sim.kind === 'proposal' && rng.chance(0.3)) {
      // A key proposal: a prefecture leader supervises its handling face to face.
      this.agenda.schedule(filedAt + rng.uniform(0.5, 2), 'key', sim.id, async () => {
        await this.requests.act('key', cast.inspector, 'POST', `/issues/${sim.id}/key`, { isKey: true });
      });
      this.agenda.schedule(filedAt + rng.uniform(2.5, 5), 'notice:key', sim.id, async () => {
        await this.requests.act('notice:key', cast.inspector, 'POST', `/issues/${sim.id}/supervision-notices`, {
          note: '州领导领衔督办重点提案：请主办单位当面汇报办理进展，按期办复。',
        });
      });
    }
  }

  async verificationCheck(supervisor: string): Promise<void> {
    const page = await this.requests.get<Page<IssueItem>>(
      supervisor,
      `/issues?status=rectification_submitted&filedBy=${supervisor}&limit=500`,
    );
    for (const item of page?.items ?? []) {
      const sim = this.world.issues.get(item.id);
      if (!sim) continue;
      const key = `${item.id}|${item.reopenCount}`;
      if (sim.verifyKey === key) continue;
      sim.verifyKey = key;
      const rng = this.stream('verify', sim.n, item.reopenCount);
      if (rng.chance(0.03)) {
        this.requests.count('verification-lapsed'); // verifyWithin passes: the service accepts it by itself
        continue;
      }
      const profile = this.world.profileOf(item.leadUnit);
      const reject = rng.chance(profile.rejectProb * 0.5 ** item.reopenCount);
      const satisfaction = reject ? 'unsatisfied' : rng.weighted(profile.satisfaction);
      const comment = reject
        ? rng.pick([
            '整改不到位，现场问题依然存在。',
            '整改材料与现场情况不符，请重新整改。',
            '群众反映问题未根本解决。',
          ])
        : rng.pick(['经现场核查，整改到位。', '已回访群众，问题已解决。', '整改基本到位，请持续巩固。']);
      this.agenda.schedule(this.agenda.now() + rng.uniform(0.1, 1.8), 'verify', sim.id, async () => {
        if (sim.verifyKey !== key) return;
        const done = await this.requests.act(
          reject ? 'reject' : 'accept',
          supervisor,
          'POST',
          `/issues/${sim.id}/verification`,
          { outcome: reject ? 'rejected' : 'accepted', satisfaction, comment },
        );
        if (done && !reject) sim.closed = true;
      });
    }
  }
}
