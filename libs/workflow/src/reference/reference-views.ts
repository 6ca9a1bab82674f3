import type { RoutingRuleCandidate } from '@app/domain';
import type {
  CalendarDayEntity,
  CategoryEntity,
  DeadlinePolicyEntity,
  EscalationStep,
  RegionEntity,
  RoutingRuleEntity,
  UnitEntity,
} from '@app/persistence';

// Reference data as every endpoint answers it (API.md field names, not column names).

export interface RegionView {
  code: string;
  name: string;
  parent: string | null;
}

export interface UnitView {
  code: string;
  name: string;
  kind: string;
  regionCode: string;
  parent: string | null;
  active: boolean;
}

export interface CategoryView {
  code: string;
  name: string;
  active: boolean;
}

export type RoutingRuleView = Omit<RoutingRuleCandidate, 'createdAt'> & { createdAt: string };

export interface DeadlinePolicyView {
  id: string;
  severity: string;
  category: string | null;
  calendar: string;
  acknowledgeWithin: string;
  resolveWithin: string;
  remindAt: number[];
  escalations: EscalationStep[];
  verifyWithin: string;
  maxReturns: number;
}

export interface CalendarDayView {
  date: string;
  type: 'holiday' | 'workday';
  name: string | null;
}

export const toRegionView = ({ code, name, parentCode }: RegionEntity): RegionView => ({
  code,
  name,
  parent: parentCode,
});

export const toUnitView = (unit: UnitEntity): UnitView => ({
  code: unit.code,
  name: unit.name,
  kind: unit.kind,
  regionCode: unit.regionCode,
  parent: unit.parentCode,
  active: unit.active,
});

export const toCategoryView = ({ code, name, active }: CategoryEntity): CategoryView => ({ code, name, active });

export const toRoutingRuleView = (rule: RoutingRuleEntity): RoutingRuleView => ({
  id: rule.id,
  category: rule.category,
  regionCode: rule.regionCode,
  leadUnit: rule.leadUnit,
  coUnits: rule.coUnits,
  priority: rule.priority,
  createdAt: rule.createdAt.toISOString(),
});

export const toDeadlinePolicyView = (policy: DeadlinePolicyEntity): DeadlinePolicyView => ({
  id: policy.id,
  severity: policy.severity,
  category: policy.category,
  calendar: policy.calendar,
  acknowledgeWithin: policy.acknowledgeWithin,
  resolveWithin: policy.resolveWithin,
  remindAt: policy.remindAt,
  escalations: policy.escalations,
  verifyWithin: policy.verifyWithin,
  maxReturns: policy.maxReturns,
});

export const toCalendarDayView = (day: CalendarDayEntity): CalendarDayView => ({
  date: day.day,
  type: day.type,
  name: day.name,
});
