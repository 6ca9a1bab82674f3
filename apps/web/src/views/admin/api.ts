import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import type { Page, Role } from '@/api/types';
import { MAX_LIMIT, readAll } from '@/views/oversight/reference';

// The admin console's calls (API.md "Reference data" and "Administration and accounts").
type Schemas = components['schemas'];
export type User = Schemas['UserDto'];
export type CreateUserBody = Schemas['CreateUserDto'];
export type UpdateUserBody = Schemas['UpdateUserDto'];
export type Unit = Schemas['UnitDto'];
export type CreateUnitBody = Schemas['CreateUnitDto'];
export type UpdateUnitBody = Schemas['UpdateUnitDto'];
export type Region = Schemas['RegionDto'];
export type Category = Schemas['CategoryDto'];
export type RoutingRule = Schemas['RoutingRuleDto'];
export type RoutingRuleBody = Schemas['CreateRoutingRuleDto'];
export type RoutingRuleChanges = Schemas['UpdateRoutingRuleDto'];
export type Explanation = Schemas['RoutingExplanationDto'];
export type Candidate = Schemas['RuleCandidateDto'];
export type DeadlinePolicy = Schemas['DeadlinePolicyDto'];
export type DeadlinePolicyBody = Schemas['CreateDeadlinePolicyDto'];
export type CalendarDay = Schemas['CalendarDayDto'];
export type CalendarYearDay = Schemas['CalendarYearDayDto'];
export type RuleSet = Schemas['RuleSetAnswerDto'];
export type ScoringRule = Schemas['ScoringRuleDto'];
export type Webhook = Schemas['WebhookDto'];
export type WebhookBody = Schemas['CreateWebhookDto'];
export type WebhookEvent = WebhookBody['events'][number];
export type Delivery = Schemas['DeliveryDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditTarget = AuditEntry['targetType'];

interface Paging {
  limit: number;
  cursor?: string;
}

// Users

export interface UserFilters {
  role?: Role;
  unit?: string;
  active?: boolean;
}

export function listUsers(query: UserFilters & Paging): Promise<Page<User>> {
  return call(api.GET('/users', { params: { query } }));
}

export function createUser(body: CreateUserBody): Promise<User> {
  return call(api.POST('/users', { body }));
}

export function updateUser(username: string, body: UpdateUserBody): Promise<User> {
  return call(api.PATCH('/users/{username}', { params: { path: { username } }, body }));
}

export async function resetPassword(username: string, newPassword: string): Promise<void> {
  await call(api.POST('/users/{username}/password', { params: { path: { username } }, body: { newPassword } }));
}

// Units, regions, categories: every page of each (a console edits all of them, not the cached lists)

export async function allUnits(): Promise<Unit[]> {
  return (await readAll((cursor) => call(api.GET('/units', { params: { query: { limit: MAX_LIMIT, cursor } } }))))
    .items;
}

export function createUnit(body: CreateUnitBody): Promise<Unit> {
  return call(api.POST('/units', { body }));
}

export function updateUnit(code: string, body: UpdateUnitBody): Promise<Unit> {
  return call(api.PATCH('/units/{code}', { params: { path: { code } }, body }));
}

export async function allRegions(): Promise<Region[]> {
  return (await readAll((cursor) => call(api.GET('/regions', { params: { query: { limit: MAX_LIMIT, cursor } } }))))
    .items;
}

export function createRegion(body: Schemas['CreateRegionDto']): Promise<Region> {
  return call(api.POST('/regions', { body }));
}

export function renameRegion(code: string, name: string): Promise<Region> {
  return call(api.PATCH('/regions/{code}', { params: { path: { code } }, body: { name } }));
}

export async function allCategories(): Promise<Category[]> {
  return (await readAll((cursor) => call(api.GET('/categories', { params: { query: { limit: MAX_LIMIT, cursor } } }))))
    .items;
}

export function createCategory(body: Schemas['CreateCategoryDto']): Promise<Category> {
  return call(api.POST('/categories', { body }));
}

export function updateCategory(code: string, body: Schemas['UpdateCategoryDto']): Promise<Category> {
  return call(api.PATCH('/categories/{code}', { params: { path: { code } }, body }));
}

// Routing rules

export function listRules(query: Paging): Promise<Page<RoutingRule>> {
  return call(api.GET('/routing-rules', { params: { query } }));
}

export function createRule(body: RoutingRuleBody): Promise<RoutingRule> {
  return call(api.POST('/routing-rules', { body }));
}

export function updateRule(id: string, body: RoutingRuleChanges): Promise<RoutingRule> {
  return call(api.PATCH('/routing-rules/{id}', { params: { path: { id } }, body }));
}

export async function deleteRule(id: string): Promise<void> {
  await call(api.DELETE('/routing-rules/{id}', { params: { path: { id } } }));
}

export function explainRouting(category: string, regionCode: string): Promise<Explanation> {
  return call(api.GET('/routing-rules/explain', { params: { query: { category, regionCode } } }));
}

// Deadline policies and the calendar

export async function listPolicies(): Promise<DeadlinePolicy[]> {
  return (await call(api.GET('/deadline-policies'))).items;
}

export function createPolicy(body: DeadlinePolicyBody): Promise<DeadlinePolicy> {
  return call(api.POST('/deadline-policies', { body }));
}

export function updatePolicy(id: string, body: Schemas['UpdateDeadlinePolicyDto']): Promise<DeadlinePolicy> {
  return call(api.PATCH('/deadline-policies/{id}', { params: { path: { id } }, body }));
}

export async function deletePolicy(id: string): Promise<void> {
  await call(api.DELETE('/deadline-policies/{id}', { params: { path: { id } } }));
}

export async function calendarDays(from: string, to: string): Promise<CalendarDay[]> {
  return (await call(api.GET('/calendar/days', { params: { query: { from, to } } }))).items;
}

export function putCalendarDay(date: string, body: Schemas['PutCalendarDayDto']): Promise<unknown> {
  return call(api.PUT('/calendar/days/{date}', { params: { path: { date } }, body }));
}

export async function deleteCalendarDay(date: string): Promise<void> {
  await call(api.DELETE('/calendar/days/{date}', { params: { path: { date } } }));
}

export function replaceYear(year: number, days: CalendarYearDay[]): Promise<Schemas['CalendarYearDto']> {
  return call(api.PUT('/calendar/years/{year}', { params: { path: { year } }, body: { days } }));
}

// Assessment rules, webhooks, the audit log

export function loadRuleSet(): Promise<RuleSet> {
  return call(api.GET('/assessment/rules'));
}

export function replaceRuleSet(body: Schemas['RuleSetDto']): Promise<RuleSet> {
  return call(api.PUT('/assessment/rules', { body }));
}

export async function listWebhooks(): Promise<Webhook[]> {
  return (await call(api.GET('/webhooks'))).items;
}

export function createWebhook(body: WebhookBody): Promise<Webhook> {
  return call(api.POST('/webhooks', { body }));
}

export async function deleteWebhook(id: string): Promise<void> {
  await call(api.DELETE('/webhooks/{id}', { params: { path: { id } } }));
}

export function listDeliveries(id: string, query: Paging): Promise<Page<Delivery>> {
  return call(api.GET('/webhooks/{id}/deliveries', { params: { path: { id }, query } }));
}

export function redeliver(id: string, deliveryId: string): Promise<unknown> {
  return call(api.POST('/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId } } }));
}

export interface AuditFilters {
  actor?: string;
  targetType?: AuditTarget;
  from?: string;
  to?: string;
}

export function listAudit(query: AuditFilters & Paging): Promise<Page<AuditEntry>> {
  return call(api.GET('/audit-log', { params: { query } }));
}
