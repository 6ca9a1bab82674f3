import type { NotificationType, UnitKind } from '@/domain/enums';
import type { Role } from './types';
import type { paths } from './schema';

// What the UI needs that the OpenAPI document does not (yet) say. Each entry is a gap in the API's document
// or an endpoint another engineer is adding; once the generated schema has it, delete the entry here and the
// client keeps its types. Nothing else in the app names these shapes' paths.

/** A notification as GET /notifications lists it (API.md; the document has no response schema for it). */
export interface Notification {
  id: string;
  type: NotificationType;
  issueId: string;
  unit: string | null;
  username?: string | null;
  level?: number;
  data?: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  /** If the API adds it, the bell uses it instead of counting pages. */
  unreadCount?: number;
}

/** GET /api/v1/app-info (public): being added by another engineer. */
export interface AppInfo {
  timeZone: string;
  demo: boolean;
  demoAccounts: { username: string; displayName: string; role: Role; unit: string | null }[];
  demoPassword?: string;
}

/** A unit as GET /units/:code answers (the document has no response schema for reference data). */
export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  regionCode: string;
  parent: string | null;
  active?: boolean;
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Answering<Operation, Responses> = Omit<Operation, 'responses'> & { responses: Responses };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type NoOtherMethods = {
  get?: never;
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};

export interface PendingPaths {
  '/notifications': Omit<paths['/notifications'], 'get'> & {
    get: Answering<paths['/notifications']['get'], { 200: Json<NotificationPage> }>;
  };
  '/notifications/{id}/read': Omit<paths['/notifications/{id}/read'], 'post'> & {
    post: Answering<paths['/notifications/{id}/read']['post'], { 200: Json<Notification> }>;
  };
  '/units/{code}': Omit<paths['/units/{code}'], 'get'> & {
    get: Answering<paths['/units/{code}']['get'], { 200: Json<Unit> }>;
  };
  '/app-info': Omit<NoOtherMethods, 'get'> & {
    parameters: NoParameters;
    get: { parameters: NoParameters; requestBody?: never; responses: { 200: Json<AppInfo> } };
  };
  '/auth/password': Omit<NoOtherMethods, 'post'> & {
    parameters: NoParameters;
    post: {
      parameters: NoParameters;
      requestBody: { content: { 'application/json': ChangePasswordBody } };
      responses: { 204: NoContent };
    };
  };
}
