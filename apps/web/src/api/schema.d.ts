// GENERATED from the service's OpenAPI document by apps/web/scripts/generate-schema.ts. Do not edit: paths are
// relative to /api/v1; test/generated-files.e2e-spec.ts fails when this file is stale
// (`UPDATE_GENERATED=1 npm test -- test/generated-files` rewrites it).

export interface paths {
    "/app-info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the web app needs before anyone logs in
         * @description The time zone and, on a demo database (`npm start` on the embedded one), its accounts to try.
         *
         *     Anyone, without a token.
         */
        get: operations["AppInfoController_info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessment/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a democratic evaluation
         * @description A score (0–100) for a unit and period (`YYYY` or `YYYY-Qn`); it enters the score with a weight.
         *
         *     Roles: inspector.
         */
        post: operations["AssessmentController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessment/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the table
         * @description CSV in UTF-8 with a byte-order mark (spreadsheets show Chinese unit names), or JSON.
         *
         *     Roles: inspector, admin.
         */
        get: operations["AssessmentController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessment/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The scoring rules in force
         * @description Roles: admin.
         */
        get: operations["AssessmentController_rules"];
        /**
         * Replace the scoring rules
         * @description A new version: events after it score under it, and each ledger row keeps the version it used. `when` matches the event data key by key (e.g. `{"level": 2}`).
         *
         *     Roles: admin.
         */
        put: operations["AssessmentController_replaceRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessment/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The assessment table (目标绩效考核)
         * @description Per unit, for the period (default: this year): counts, the published indicators (签收率, 按时办结率, 满意率, 退单率, 重办率), the score (base + ledger) and the rank.
         *
         *     Roles: inspector, admin.
         */
        get: operations["AssessmentController_units"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessment/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A unit's score, point by point
         * @description The table row plus every ledger row, whose points sum to `score - base`. A handler: its own unit only.
         *
         *     Roles: inspector, admin, handler.
         */
        get: operations["AssessmentController_unit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an evidence file
         * @description One multipart part named `file`, at most 20 MiB. JPEG, PNG, WebP, PDF, DOCX and XLSX are taken, known by their bytes (not the name). A JPEG loses its location data (EXIF GPS). Cite the answer’s `id` as `attachmentId` in the `evidence` of a filing or a rectification.
         *
         *     Roles: supervisor, handler, inspector.
         */
        post: operations["AttachmentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an evidence file
         * @description Its uploader, or anyone who may see an issue whose evidence cites it; everyone else gets 404. Sent with its type and a `Content-Disposition` carrying the UTF-8 name.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["AttachmentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who changed what
         * @description Every change made through the admin endpoints — users, regions, units, categories, routing rules, deadline policies, the calendar, assessment rules and webhooks — with its actor, and the thing before and after. Written in the change’s own transaction. Newest first.
         *
         *     Roles: admin.
         */
        get: operations["AuditLogController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in
         * @description Answers a bearer token for `Authorization: Bearer <token>`. A wrong username or password is a 401; too many failed logins for one username in a window is a 429.
         *
         *     Anyone, without a token.
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I
         * @description The signed-in user, with their unit’s name.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change my name or contact details
         * @description Display name, `email` and `phone` (where notices reach you). The session goes on.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        patch: operations["AuthController_updateMe"];
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password
         * @description Given the current one. The new one: at least 10 characters, not the username. Every token issued before, this one included, stops working: log in again.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bulletins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bulletins, newest first
         * @description A handler sees the same list; its copy of each bulletin holds only its own unit’s rows.
         *
         *     Roles: inspector, admin, handler.
         */
        get: operations["BulletinsController_list"];
        put?: never;
        /**
         * Make a bulletin (通报)
         * @description `{period}` (`YYYY-MM` or `YYYY-Qn`, ended) or `{from, to, title?}` for a special bulletin (`to` not in the future). Builds and stores a frozen snapshot: the assessment table and ranking, the issues overdue at the period’s last instant (rebuilt from the timeline), escalations by level, key issues and proposals, proposal reply and satisfaction rates. Later events never change it. A second one for the same period → 409.
         *
         *     Roles: inspector.
         */
        post: operations["BulletinsController_make"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bulletins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A frozen bulletin
         * @description As it was made. A handler gets only its own unit’s rows (empty where it has none).
         *
         *     Roles: inspector, admin, handler.
         */
        get: operations["BulletinsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bulletins/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a bulletin
         * @description `format=docx` (default): a Word document with the issuing office, title, period and numbered sections, a table per section with Chinese unit names; `csv`: the same tables in UTF-8 with a byte-order mark; `json`.
         *
         *     Roles: inspector, admin.
         */
        get: operations["BulletinsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List calendar days
         * @description Holidays and adjusted working days between `from` and `to` (inclusive).
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["CalendarController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a calendar day
         * @description A statutory holiday, or an adjusted working day (调休) on a weekend. Deadlines computed later use it. Recorded in the audit log.
         *
         *     Roles: admin.
         */
        put: operations["CalendarController_put"];
        post?: never;
        /**
         * Unset a calendar day
         * @description The day is an ordinary weekday or weekend again. Recorded in the audit log.
         *
         *     Roles: admin.
         */
        delete: operations["CalendarController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a year's holidays and adjusted working days
         * @description In one step: the days given are the year’s from now on, and no other. A date outside the year is a 400 naming it. Recorded in the audit log.
         *
         *     Roles: admin.
         */
        put: operations["CalendarController_replaceYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List categories
         * @description By code; `?active=` keeps only active or retired ones.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["CategoriesController_list"];
        put?: never;
        /**
         * Create a category
         * @description A kind of problem (rural road maintenance, work safety, …) that routing rules and policies name.
         *
         *     Roles: admin.
         */
        post: operations["CategoriesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename or retire a category
         * @description Filing an issue under a retired category is refused (400). Recorded in the audit log.
         *
         *     Roles: admin.
         */
        patch: operations["CategoriesController_update"];
        trace?: never;
    };
    "/deadline-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deadline policies
         * @description Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["DeadlinePoliciesController_list"];
        put?: never;
        /**
         * Create or replace a deadline policy
         * @description One policy per (severity, category): posting the same key again replaces it. The category-and-severity policy wins over the severity-only one. Durations are ISO-8601; on a `working` calendar whole days count working days and the deadline falls at the end of the last one. `escalations[].after` counts from the due time. Open issues keep the deadlines they have (each keeps the terms it was assigned under). Recorded in the audit log.
         *
         *     Roles: admin.
         */
        post: operations["DeadlinePoliciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deadline-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a deadline policy
         * @description New issues of its kind then fall to the severity-only policy, or get no deadlines. Open issues keep the deadlines they have (each keeps the terms it was assigned under).
         *
         *     Roles: admin.
         */
        delete: operations["DeadlinePoliciesController_remove"];
        options?: never;
        head?: never;
        /**
         * Change a deadline policy
         * @description Any field. Open issues keep the deadlines they have (each keeps the terms it was assigned under). A severity and category another policy has is a 409. Recorded in the audit log.
         *
         *     Roles: admin.
         */
        patch: operations["DeadlinePoliciesController_update"];
        trace?: never;
    };
    "/extension-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Extension requests across issues
         * @description Oldest first; `?status=pending` is the inspection office's queue of decisions to make.
         *
         *     Roles: inspector.
         */
        get: operations["ExtensionRequestsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List issues
         * @description Newest filed first, filtered, scoped to the caller: a supervisor sees what it filed, a handler its unit's issues (lead or co-unit), inspectors and admins everything.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["IssuesController_list"];
        put?: never;
        /**
         * File an issue
         * @description A problem found in supervision (or a member's proposal). It goes straight to the responsible unit: routing takes milliseconds, asynchronously, so the answer is still `filed`. The same `Idempotency-Key` from the same user answers the first result (same id, header `Idempotent-Replayed: true`), never a second issue.
         *
         *     Roles: supervisor, inspector.
         */
        post: operations["IssuesController_file"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an issue
         * @description Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["IssuesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge (签收)
         * @description The lead unit takes the issue on: `assigned` → `in_progress`.
         *
         *     Roles: handler.
         */
        post: operations["IssuesController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign by hand
         * @description The inspection office routes a `triage` issue, or moves an open one to another unit.
         *
         *     Roles: inspector.
         */
        post: operations["IssuesController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/extension-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An issue's extension requests
         * @description Oldest first.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["IssuesController_extensionRequests"];
        put?: never;
        /**
         * Ask for more time (延期申请)
         * @description The lead unit asks for a later due date; an inspector decides. One pending request at a time.
         *
         *     Roles: handler.
         */
        post: operations["IssuesController_requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/extension-requests/{requestId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an extension request
         * @description Approved: `dueAt` moves to the requested time and the timers follow. The unit is notified.
         *
         *     Roles: inspector.
         */
        post: operations["IssuesController_decideExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a key issue or key proposal
         * @description Key items lead inboxes and the oversight summary.
         *
         *     Roles: inspector.
         */
        post: operations["IssuesController_markKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report progress
         * @description A note from the lead unit or a co-unit; the status stays `in_progress`.
         *
         *     Roles: handler.
         */
        post: operations["IssuesController_progress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/rectification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit the rectification (整改)
         * @description The fix, with evidence: `in_progress` → `rectification_submitted`. Submitting meets the resolve deadline; the filer verifies it, or it is accepted after the policy's `verifyWithin`.
         *
         *     Roles: handler.
         */
        post: operations["IssuesController_rectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Return a misrouted issue (退回)
         * @description The lead unit says it is not theirs. The issue is routed again without that unit (`assigned`, or `triage` when no rule is left or the policy's `maxReturns` is reached).
         *
         *     Roles: handler.
         */
        post: operations["IssuesController_returnIssue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/supervision-notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a supervision notice (督办通知)
         * @description An inspector's formal notice on an open issue; the lead unit is notified.
         *
         *     Roles: inspector.
         */
        post: operations["IssuesController_supervisionNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An issue's timeline
         * @description Every event, oldest first: who did what when. `actor` is `{username: "system"}` for timers and routing.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["IssuesController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the rectification (核查)
         * @description Its filer, or an inspector: `accepted` closes it; `rejected` reopens it (`in_progress`, `reopenCount` + 1) with a new due date (`dueAt`, or the policy's).
         *
         *     Roles: supervisor, inspector.
         */
        post: operations["IssuesController_verification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw an issue
         * @description Its filer, or an inspector, on any open issue.
         *
         *     Roles: supervisor, inspector.
         */
        post: operations["IssuesController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notification-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * E-mail and SMS deliveries
         * @description One per notification, channel and recipient, newest first, with its status (pending, sent, dead), attempts and the last answer. `?status=dead` lists the ones that gave up.
         *
         *     Roles: admin.
         */
        get: operations["NotificationDeliveriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notification-deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead delivery again
         * @description A fresh round of attempts under the same idempotency key; a pending or sent one is left as it is.
         *
         *     Roles: admin.
         */
        post: operations["NotificationDeliveriesController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications
         * @description The caller's unit's and their own, newest first, listed as soon as they exist (holding to working hours applies only to delivery by SMS and e-mail). `?unread=true` filters.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a notification read
         * @description Only the caller's own (their unit's or theirs).
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all my notifications read
         * @description Any signed-in user (answers are scoped to what that user may see).
         */
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of my notifications are unread
         * @description Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["NotificationsController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oversight/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open issues by light (红黄蓝)
         * @description Blue inside the reminder window, yellow past the last reminder, red overdue.
         *
         *     Roles: inspector.
         */
        get: operations["OversightController_board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oversight/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The overdue board, now or as of a past moment
         * @description Overdue open issues with `overdueSeconds`, most overdue first; a region filter covers the regions under it. With `asOf`, the board as it stood at that moment, rebuilt from the timeline with the same fields and filters.
         *
         *     Roles: inspector.
         */
        get: operations["OversightController_overdue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oversight/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per unit: open, overdue, key, by escalation level
         * @description Every unit, those with key items first.
         *
         *     Roles: inspector.
         */
        get: operations["OversightController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oversight/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Issues filed and closed per week
         * @description The last `weeks` weeks (this one included), oldest first; weeks start on Monday in TIME_ZONE.
         *
         *     Roles: inspector.
         */
        get: operations["OversightController_trend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List regions
         * @description By code; each names its parent, so a client builds the tree.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["RegionsController_list"];
        put?: never;
        /**
         * Create a region
         * @description An administrative division (6-digit GB/T 2260 code) under an optional parent: prefecture → county.
         *
         *     Roles: admin.
         */
        post: operations["RegionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a region
         * @description Recorded in the audit log.
         *
         *     Roles: admin.
         */
        patch: operations["RegionsController_update"];
        trace?: never;
    };
    "/reports/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The annual proposal report
         * @description Registered, replied, reply rate, key proposals and how many were supervised, satisfaction; by unit.
         *
         *     Roles: inspector, admin.
         */
        get: operations["ReportsController_proposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/routing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List routing rules
         * @description Oldest first.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["RoutingRulesController_list"];
        put?: never;
        /**
         * Create a routing rule
         * @description Maps (category, region) to a lead unit and co-units. The most specific rule wins: category and region before region alone before category alone, a nearer region first, then the higher priority, then the older rule. A rule's region matches the issue's region or any region above it. Recorded in the audit log.
         *
         *     Roles: admin.
         */
        post: operations["RoutingRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/routing-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a routing rule
         * @description Recorded in the audit log.
         *
         *     Roles: admin.
         */
        delete: operations["RoutingRulesController_remove"];
        options?: never;
        head?: never;
        /**
         * Change a routing rule
         * @description Any field of the rule; issues already routed stay where they are. Recorded in the audit log.
         *
         *     Roles: admin.
         */
        patch: operations["RoutingRulesController_update"];
        trace?: never;
    };
    "/routing-rules/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which unit gets such an issue, and why
         * @description For an issue of this category filed in this region: the winning rule (null: triage) and every rule naming the category, a region on the chain, or neither, with whether it applies and why it won or lost — the answer to "why did this go to us?".
         *
         *     Roles: admin, inspector.
         */
        get: operations["RoutingRulesController_explain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The live stream (Server-Sent Events)
         * @description For what the caller may see and nothing else: `event: issue` with `data: {id, type, status, leadUnit, coUnits, overdue, escalationLevel, version, occurredAt}` for every timeline event of an issue visible to the caller when it is sent, and `event: notification` with the notification as `GET /notifications` lists it. A comment line every 15 s keeps it open. Fed from committed changes, heard by clients of every API process. Authenticated with the Bearer header like every endpoint (a browser reads it with a streaming fetch). After a drop, reconnect and re-read your lists.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["StreamController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List units
         * @description By code; `?active=` keeps only active or retired ones.
         *
         *     Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["UnitsController_list"];
        put?: never;
        /**
         * Create a unit
         * @description A responsible unit (county party committee or government, prefecture department) or the inspection office. `parent` is the unit an escalation climbs to.
         *
         *     Roles: admin.
         */
        post: operations["UnitsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a unit
         * @description Any signed-in user (answers are scoped to what that user may see).
         */
        get: operations["UnitsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Correct, move or retire a unit
         * @description Name, kind, region, `parent` (the escalation ladder; one that would loop is a 400 naming `parent`, null detaches it) and `active`. A retired unit gets no new issues: rules naming it as lead are skipped, rules naming it as a co-unit apply without it; its open issues stay until reassigned. Recorded in the audit log.
         *
         *     Roles: admin.
         */
        patch: operations["UnitsController_update"];
        trace?: never;
    };
    "/units/{code}/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A unit's task queue
         * @description The unit's open issues, as lead or co-unit: key issues first, then overdue ones, then by due time. A handler reads only its own unit’s.
         *
         *     Roles: handler, inspector.
         */
        get: operations["UnitsController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Oldest first; `?active=false` lists the retired accounts, `?role=` and `?unit=` narrow it.
         *
         *     Roles: admin.
         */
        get: operations["UsersController_list"];
        put?: never;
        /**
         * Create a user
         * @description `unit` is required for a handler. Passwords: at least 10 characters, not the username. The answer never carries the password or its hash.
         *
         *     Roles: admin.
         */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user
         * @description Roles: admin.
         */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Correct or retire a user
         * @description Display name, role, unit, contact details, `active`. Any change ends the user’s sessions: tokens issued before it stop working at once (401), and an inactive user cannot log in. Recorded in the audit log.
         *
         *     Roles: admin.
         */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/users/{username}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user's password
         * @description The user’s earlier tokens stop working. Recorded in the audit log (without the password).
         *
         *     Roles: admin.
         */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description Roles: admin.
         */
        get: operations["WebhooksController_list"];
        put?: never;
        /**
         * Subscribe a webhook
         * @description Each delivery is a POST of `{id, type, occurredAt, issue, data}` with `X-Event-Id` and `X-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>`, at least once, retried with backoff for over a day, then dead-lettered. Loopback and private targets are refused unless `WEBHOOK_ALLOW_PRIVATE_TARGETS=true`.
         *
         *     Roles: admin.
         */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook
         * @description Roles: admin.
         */
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Roles: admin.
         */
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook's deliveries
         * @description Each with its status (pending, delivered, dead), attempts and last answer; newest first.
         *
         *     Roles: admin.
         */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver a delivery
         * @description Sends a dead (or any undelivered) delivery again, from the first attempt; a delivered one is left.
         *
         *     Roles: admin.
         */
        post: operations["WebhooksController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AppInfoDto: {
            /** @description a demonstration database: the login page may list its accounts */
            demo: boolean;
            demoAccounts: components["schemas"]["DemoAccountDto"][];
            /** @description the demo accounts’ password, on a demo database only */
            demoPassword?: string;
            /**
             * @description where working days begin and end; times show in it
             * @example Asia/Shanghai
             */
            timeZone: string;
            /** @example 0.1.0 */
            version: string;
        };
        AssessmentRowDto: {
            acknowledgedOnTime: number;
            /** @description 签收率 */
            acknowledgementRate: number | null;
            /** @description issues assigned in the period */
            assigned: number;
            /** @example 100 */
            base: number;
            basicallySatisfied: number;
            closed: number;
            closedOnTime: number;
            dueInPeriod: number;
            escalations: number;
            evaluated: number;
            /** @description fewer issues than ASSESSMENT_MIN_ISSUES: shown, not ranked */
            insufficientData: boolean;
            keyProposals: number;
            /** @description 按时办结率 */
            onTimeClosureRate: number | null;
            overdue: number;
            /** @description the sum of the ledger in the period */
            points: number;
            /** @description a fraction from 0 to 1; null with nothing to count */
            proposalReplyRate: number | null;
            proposalsRegistered: number;
            proposalsReplied: number;
            rank: number | null;
            /** @description closed in the period after having been reopened */
            rehandled: number;
            /** @description 重办率 */
            rehandlingRate: number | null;
            reopened: number;
            returned: number;
            /** @description 退单率 */
            returnRate: number | null;
            /** @description 满意率: (satisfied + basically satisfied) / evaluated */
            satisfaction: number | null;
            /** @description 满意率 */
            satisfactionRate: number | null;
            satisfied: number;
            /** @description base + points */
            score: number;
            unit: string;
            unitName: string;
            unsatisfied: number;
        };
        AssessmentTableDto: {
            /** Format: date-time */
            from: string;
            items: components["schemas"]["AssessmentRowDto"][];
            /** Format: date-time */
            to: string;
        };
        AssessmentUnitDto: {
            acknowledgedOnTime: number;
            /** @description 签收率 */
            acknowledgementRate: number | null;
            /** @description issues assigned in the period */
            assigned: number;
            /** @example 100 */
            base: number;
            basicallySatisfied: number;
            closed: number;
            closedOnTime: number;
            dueInPeriod: number;
            escalations: number;
            evaluated: number;
            /** @description fewer issues than ASSESSMENT_MIN_ISSUES: shown, not ranked */
            insufficientData: boolean;
            keyProposals: number;
            /** @description whose points sum to score - base */
            ledger: components["schemas"]["LedgerItemDto"][];
            /** @description 按时办结率 */
            onTimeClosureRate: number | null;
            overdue: number;
            /** @description the sum of the ledger in the period */
            points: number;
            /** @description a fraction from 0 to 1; null with nothing to count */
            proposalReplyRate: number | null;
            proposalsRegistered: number;
            proposalsReplied: number;
            rank: number | null;
            /** @description closed in the period after having been reopened */
            rehandled: number;
            /** @description 重办率 */
            rehandlingRate: number | null;
            reopened: number;
            returned: number;
            /** @description 退单率 */
            returnRate: number | null;
            /** @description 满意率: (satisfied + basically satisfied) / evaluated */
            satisfaction: number | null;
            /** @description 满意率 */
            satisfactionRate: number | null;
            satisfied: number;
            /** @description base + points */
            score: number;
            unit: string;
            unitName: string;
            unsatisfied: number;
        };
        AssignDto: {
            coUnits?: string[];
            leadUnit: string;
            reason: string;
        };
        AttachmentDto: {
            /**
             * @description read from the bytes, not the name
             * @example image/jpeg
             */
            contentType: string;
            /** @example 塌方现场.jpg */
            filename: string;
            /** Format: uuid */
            id: string;
            /** @description hex SHA-256 of the stored bytes */
            sha256: string;
            /** @description bytes, as stored (after location data is stripped) */
            size: number;
            /** @example /api/v1/attachments/… */
            uri: string;
        };
        AuditEntryDto: {
            /** @example unit.updated */
            action: string;
            /** @example admin */
            actor: string;
            after: {
                [key: string]: unknown;
            } | null;
            /** @description as its GET showed it */
            before: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** @example pref-education */
            targetId: string;
            /** @enum {string} */
            targetType: "user" | "region" | "unit" | "category" | "routing_rule" | "deadline_policy" | "calendar" | "assessment_rules" | "webhook" | "notification_delivery";
        };
        AuditPage: {
            items: components["schemas"]["AuditEntryDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        BoardItemDto: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** Format: date-time */
            acknowledgeDueAt: string | null;
            /** Format: date-time */
            assignedAt: string | null;
            category: string;
            /** Format: date-time */
            closedAt: string | null;
            /** @enum {string|null} */
            colour: "blue" | "yellow" | "red" | null;
            coUnits: string[];
            description: string;
            /** Format: date-time */
            dueAt: string | null;
            escalationLevel: number;
            evidence: components["schemas"]["EvidenceItemDto"][];
            /** Format: date-time */
            filedAt: string;
            filedBy: string;
            /** Format: uuid */
            id: string;
            isKey: boolean;
            /** @enum {string} */
            kind: "supervision" | "proposal";
            leadUnit: string | null;
            location: components["schemas"]["LocationDto"];
            overdue: boolean;
            /** @description seconds past the due time (0 unless overdue) */
            overdueSeconds: number;
            /** @example DH-2026-000123 */
            referenceNo: string;
            regionCode: string;
            /**
             * Format: date-time
             * @description the first reminder: from here the issue is blue on the board
             */
            remindFromAt: string | null;
            /**
             * Format: date-time
             * @description the last reminder: from here, until overdue, it is yellow
             */
            remindLastAt: string | null;
            reopenCount: number;
            returnCount: number;
            /** @enum {string} */
            severity: "general" | "major" | "urgent";
            /** @enum {string} */
            source: "unannounced_visit" | "spot_check" | "symposium" | "consultation" | "river_patrol" | "inspection" | "proposal" | "other";
            /** @enum {string} */
            status: "filed" | "triage" | "assigned" | "in_progress" | "rectification_submitted" | "closed" | "withdrawn";
            title: string;
            version: number;
        };
        BoardPage: {
            items: components["schemas"]["BoardItemDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        BulletinDto: {
            /**
             * Format: date-time
             * @description the period’s last instant, at which the board was taken
             */
            asOf: string;
            /** @description how long building the snapshot took, in milliseconds */
            buildMs: number;
            createdBy: string;
            /** @description escalations in the period */
            escalations: number;
            /**
             * @description escalation level → count
             * @example {
             *       "1": 3,
             *       "2": 1
             *     }
             */
            escalationsByLevel: {
                [key: string]: number;
            };
            escalationsByUnit: components["schemas"]["BulletinEscalationRowDto"][];
            /**
             * Format: date-time
             * @description the first instant covered
             */
            from: string;
            /**
             * Format: date-time
             * @description when the snapshot was taken; it never changes after
             */
            frozenAt: string;
            /** Format: uuid */
            id: string;
            /** @example 州委督查室 */
            issuingOffice: string;
            /** @description key issues and key proposals */
            keyIssues: components["schemas"]["BulletinKeyItemDto"][];
            /** @enum {string} */
            kind: "month" | "quarter" | "special";
            /** @description issues overdue at the period’s end, most overdue first */
            overdue: components["schemas"]["BulletinOverdueItemDto"][];
            /**
             * @description null for a special bulletin
             * @example 2026-11
             */
            period: string | null;
            /** @example 2026年11月 */
            periodLabel: string;
            proposals: components["schemas"]["BulletinProposalsDto"];
            /** @example 关于2026年11月问题直办工作情况的通报 */
            title: string;
            /**
             * Format: date-time
             * @description the first instant after the period
             */
            to: string;
            /** @description the assessment table with the ranking */
            units: components["schemas"]["AssessmentRowDto"][];
        };
        BulletinEscalationRowDto: {
            /**
             * @description escalation level → count
             * @example {
             *       "1": 3,
             *       "2": 1
             *     }
             */
            byLevel: {
                [key: string]: number;
            };
            total: number;
            unit: string;
            unitName: string;
        };
        BulletinKeyItemDto: {
            escalationLevel: number;
            /** Format: uuid */
            issueId: string;
            /**
             * @description a key issue or a key proposal
             * @enum {string}
             */
            kind: "supervision" | "proposal";
            leadUnit: string | null;
            leadUnitName: string | null;
            overdue: boolean;
            referenceNo: string;
            /** @description the status at the period’s end */
            status: string;
            title: string;
        };
        BulletinOverdueItemDto: {
            /** @description at the period’s end; any part of a day counts as a day */
            daysOverdue: number;
            /**
             * Format: date-time
             * @description the due time it was late against
             */
            dueAt: string | null;
            /** @description at the period’s end */
            escalationLevel: number;
            /** Format: uuid */
            issueId: string;
            /** @enum {string} */
            kind: "supervision" | "proposal";
            /** @description the lead unit then */
            leadUnit: string | null;
            leadUnitName: string | null;
            /** @example DH-2026-000123 */
            referenceNo: string;
            title: string;
        };
        BulletinPage: {
            items: components["schemas"]["BulletinSummaryDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        BulletinProposalsDto: {
            basicallySatisfied: number;
            byUnit: components["schemas"]["BulletinProposalUnitDto"][];
            closed: number;
            keyProposals: number;
            keyProposalsSupervised: number;
            /** @description proposals filed in the period */
            registered: number;
            /** @description of those, replied to by the period’s end */
            replied: number;
            /** @description 答复率 */
            replyRate: number | null;
            /** @description 满意率 */
            satisfactionRate: number | null;
            satisfied: number;
            unsatisfied: number;
        };
        BulletinProposalUnitDto: {
            basicallySatisfied: number;
            closed: number;
            keyProposals: number;
            keyProposalsSupervised: number;
            registered: number;
            replied: number;
            /** @description a fraction from 0 to 1; null with nothing to count */
            replyRate: number | null;
            /** @description a fraction from 0 to 1; null with nothing to count */
            satisfactionRate: number | null;
            satisfied: number;
            unit: string | null;
            unsatisfied: number;
        };
        BulletinSummaryDto: {
            createdBy: string;
            /**
             * Format: date-time
             * @description the first instant covered
             */
            from: string;
            /**
             * Format: date-time
             * @description when the snapshot was taken; it never changes after
             */
            frozenAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "month" | "quarter" | "special";
            /**
             * @description null for a special bulletin
             * @example 2026-11
             */
            period: string | null;
            /** @example 2026年11月 */
            periodLabel: string;
            /** @example 关于2026年11月问题直办工作情况的通报 */
            title: string;
            /**
             * Format: date-time
             * @description the first instant after the period
             */
            to: string;
        };
        CalendarDayDto: {
            /** @example 2026-10-01 */
            date: string;
            /** @example 国庆节 */
            name: string | null;
            /** @enum {string} */
            type: "holiday" | "workday";
        };
        CalendarDayList: {
            items: components["schemas"]["CalendarDayDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        CalendarYearDayDto: {
            /** @example 2027-10-01 */
            date: string;
            /** @example 国庆节 */
            name?: string;
            /** @enum {string} */
            type: "holiday" | "workday";
        };
        CalendarYearDto: {
            days: components["schemas"]["CalendarDayDto"][];
            /** @example 2027 */
            year: number;
        };
        CategoryDto: {
            /** @description an issue cannot be filed under a retired category */
            active: boolean;
            /** @example rural_roads */
            code: string;
            /** @example 农村公路管护 */
            name: string;
        };
        CategoryPage: {
            items: components["schemas"]["CategoryDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @description at least 10 characters, not the username */
            newPassword: string;
        };
        ChannelDeliveryDto: {
            /** @description the e-mail address or phone number, as stored when the notification was made */
            address: string;
            attempts: number;
            /** @enum {string} */
            channel: "email" | "sms";
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description held to working hours unless the issue is urgent
             */
            deliverAfter: string;
            /**
             * Format: uuid
             * @description the idempotency key: Message-ID `<id@…>` and `X-Event-Id`
             */
            id: string;
            /** Format: uuid */
            issueId: string;
            /** Format: date-time */
            lastAttemptAt: string | null;
            lastError: string | null;
            /** Format: uuid */
            notificationId: string;
            /** @description the username */
            recipient: string;
            /** @example DH-2026-000123 */
            referenceNo: string;
            /** @description what the mail server or the gateway answered */
            response: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "dead";
            /** @enum {string} */
            type: "reminder" | "acknowledge_overdue" | "overdue" | "escalation" | "supervision_notice" | "extension_decided";
        };
        ChannelDeliveryPage: {
            items: components["schemas"]["ChannelDeliveryDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        CheckDto: {
            error?: string;
            /** @enum {string} */
            status: "up" | "down";
        };
        CreateCategoryDto: {
            /** @example rural_roads */
            code: string;
            /** @example 农村公路管护 */
            name: string;
        };
        CreateDeadlinePolicyDto: {
            /** @example P1D */
            acknowledgeWithin: string;
            /** @enum {string} */
            calendar: "working" | "natural";
            category?: string;
            escalations: components["schemas"]["EscalationStepDto"][];
            /** @example 2 */
            maxReturns?: number;
            /**
             * @description fractions of the resolve time
             * @example [
             *       0.5,
             *       0.8
             *     ]
             */
            remindAt?: number[];
            /** @example P15D */
            resolveWithin: string;
            /** @enum {string} */
            severity: "general" | "major" | "urgent";
            /** @example P5D */
            verifyWithin?: string;
        };
        CreateRegionDto: {
            /** @example 522302 */
            code: string;
            /** @example 兴仁市 */
            name: string;
            /** @example 522300 */
            parent?: string;
        };
        CreateRoutingRuleDto: {
            category?: string;
            coUnits?: string[];
            leadUnit: string;
            /** @default 0 */
            priority?: number;
            regionCode?: string;
        };
        CreateUnitDto: {
            /** @example xingren-gov */
            code: string;
            /** @enum {string} */
            kind: "party_committee" | "government" | "department" | "inspection_office";
            /** @example 兴仁市人民政府 */
            name: string;
            /** @description the unit an escalation climbs to */
            parent?: string;
            /** @example 522302 */
            regionCode: string;
        };
        CreateUserDto: {
            displayName: string;
            /**
             * @description for e-mail notices
             * @example zhang@qxn.gov.cn
             */
            email?: string | null;
            /** @description at least 10 characters, not the username */
            password: string;
            /**
             * @description for SMS notices
             * @example +86 139 0859 0000
             */
            phone?: string | null;
            /** @enum {string} */
            role: "admin" | "supervisor" | "handler" | "inspector";
            /** @description unit code; required for a handler */
            unit?: string;
            /** @example xingren-handler2 */
            username: string;
        };
        CreateWebhookDto: {
            events: ("issue.filed" | "issue.routed" | "issue.triaged" | "issue.acknowledged" | "issue.returned" | "issue.progress_reported" | "issue.rectification_submitted" | "issue.accepted" | "issue.reopened" | "issue.extension_requested" | "issue.extension_approved" | "issue.extension_rejected" | "issue.reminder_sent" | "issue.acknowledge_overdue" | "issue.overdue" | "issue.escalated" | "issue.supervision_notice" | "issue.key_changed" | "issue.withdrawn" | "assessment.points_recorded")[];
            /** @description signs each body: X-Signature: sha256=<hex HMAC> */
            secret: string;
            /** @example https://performance.example.gov.cn/hooks/direct-handling */
            url: string;
        };
        DeadlinePolicyDto: {
            /** @example P1D */
            acknowledgeWithin: string;
            /** @enum {string} */
            calendar: "working" | "natural";
            category: string | null;
            escalations: components["schemas"]["EscalationStepDto"][];
            /** Format: uuid */
            id: string;
            /** @example 2 */
            maxReturns: number;
            /** @example [
             *       0.5,
             *       0.8
             *     ] */
            remindAt: number[];
            /** @example P15D */
            resolveWithin: string;
            /** @enum {string} */
            severity: "general" | "major" | "urgent";
            /** @example P5D */
            verifyWithin: string;
        };
        DeadlinePolicyList: {
            items: components["schemas"]["DeadlinePolicyDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        DeliveryDto: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /**
             * Format: uuid
             * @description sent as X-Event-Id
             */
            eventId: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastAttemptAt: string | null;
            lastError: string | null;
            lastStatusCode: number | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead";
        };
        DeliveryPage: {
            items: components["schemas"]["DeliveryDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        DemoAccountDto: {
            displayName: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "handler" | "inspector";
            unit: string | null;
            username: string;
        };
        EmptyBodyDto: Record<string, never>;
        ErrorDto: {
            /** @example Bad Request */
            error: string;
            /** @example title: must be shorter than or equal to 200 characters */
            message: string;
            /** @example 400 */
            statusCode: number;
        };
        EscalationStepDto: {
            /**
             * @description ISO-8601 duration counted from the due time
             * @example PT0S
             */
            after: string;
            /** @example 1 */
            level: number;
        };
        EvaluationAnswerDto: {
            comment: string | null;
            /**
             * Format: date-time
             * @description the last instant of the period
             */
            countsAt: string;
            evaluatedBy: string;
            /** Format: uuid */
            id: string;
            period: string;
            /** @description weight × (score − 100) */
            points: number;
            score: number;
            unit: string;
        };
        EvaluationDto: {
            comment?: string;
            /**
             * @description YYYY or YYYY-Qn
             * @example 2026
             */
            period: string;
            score: number;
            unit: string;
        };
        EvidenceDto: {
            /**
             * Format: uuid
             * @description an uploaded file (POST /attachments) this item cites
             */
            attachmentId?: string;
            description?: string;
            /** @enum {string} */
            type: "photo" | "document" | "link" | "note";
            uri?: string;
        };
        EvidenceItemDto: {
            /**
             * Format: uuid
             * @description an uploaded file (POST /attachments) this item cites
             */
            attachmentId?: string;
            /** @example image/jpeg */
            contentType?: string;
            description?: string;
            /** @example 塌方现场.jpg */
            filename?: string;
            size?: number;
            /** @enum {string} */
            type: "photo" | "document" | "link" | "note";
            uri?: string;
        };
        ExtensionDecisionDto: {
            approved: boolean;
            comment?: string;
        };
        ExtensionRequestDto: {
            reason: string;
            /**
             * Format: date-time
             * @description the later deadline the unit asks for
             */
            requestedDueAt: string;
        };
        ExtensionRequestListDto: {
            items: components["schemas"]["ExtensionRequestViewDto"][];
        };
        ExtensionRequestPage: {
            items: components["schemas"]["ExtensionRequestViewDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        ExtensionRequestViewDto: {
            comment: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            decidedBy: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            issueId: string;
            /** Format: date-time */
            previousDueAt: string | null;
            reason: string;
            requestedBy: string;
            /** Format: date-time */
            requestedDueAt: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            unit: string;
        };
        FileIssueDto: {
            /** @example rural_roads */
            category: string;
            description: string;
            evidence?: components["schemas"]["EvidenceDto"][];
            /**
             * @default supervision
             * @enum {string}
             */
            kind?: "supervision" | "proposal";
            location?: components["schemas"]["LocationDto"];
            /** @example 522302 */
            regionCode: string;
            /** @enum {string} */
            severity: "general" | "major" | "urgent";
            /** @enum {string} */
            source: "unannounced_visit" | "spot_check" | "symposium" | "consultation" | "river_patrol" | "inspection" | "proposal" | "other";
            title: string;
        };
        HealthChecksDto: {
            postgres: components["schemas"]["CheckDto"];
            redis: components["schemas"]["CheckDto"];
        };
        HealthDto: {
            checks: components["schemas"]["HealthChecksDto"];
            /** @enum {string} */
            status: "ok" | "error";
        };
        IssueDto: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** Format: date-time */
            acknowledgeDueAt: string | null;
            /** Format: date-time */
            assignedAt: string | null;
            category: string;
            /** Format: date-time */
            closedAt: string | null;
            coUnits: string[];
            description: string;
            /** Format: date-time */
            dueAt: string | null;
            escalationLevel: number;
            evidence: components["schemas"]["EvidenceItemDto"][];
            /** Format: date-time */
            filedAt: string;
            filedBy: string;
            /** Format: uuid */
            id: string;
            isKey: boolean;
            /** @enum {string} */
            kind: "supervision" | "proposal";
            leadUnit: string | null;
            location: components["schemas"]["LocationDto"];
            overdue: boolean;
            /** @example DH-2026-000123 */
            referenceNo: string;
            regionCode: string;
            /**
             * Format: date-time
             * @description the first reminder: from here the issue is blue on the board
             */
            remindFromAt: string | null;
            /**
             * Format: date-time
             * @description the last reminder: from here, until overdue, it is yellow
             */
            remindLastAt: string | null;
            reopenCount: number;
            returnCount: number;
            /** @enum {string} */
            severity: "general" | "major" | "urgent";
            /** @enum {string} */
            source: "unannounced_visit" | "spot_check" | "symposium" | "consultation" | "river_patrol" | "inspection" | "proposal" | "other";
            /** @enum {string} */
            status: "filed" | "triage" | "assigned" | "in_progress" | "rectification_submitted" | "closed" | "withdrawn";
            title: string;
            version: number;
        };
        IssuePageDto: {
            items: components["schemas"]["IssueDto"][];
            nextCursor: string | null;
        };
        KeyDto: {
            isKey: boolean;
        };
        LedgerItemDto: {
            /**
             * Format: uuid
             * @description the event (or evaluation) the points came from
             */
            eventId: string;
            /** Format: uuid */
            issueId: string | null;
            /** Format: date-time */
            occurredAt: string;
            points: number;
            /** @example issue.overdue */
            rule: string;
            ruleVersion: number;
            /** @enum {string} */
            source: "event" | "evaluation";
        };
        LocationDto: {
            lat?: number;
            lng?: number;
            township?: string;
            village?: string;
        };
        LoginDto: {
            /** @example demo-password */
            password: string;
            /** @example supervisor */
            username: string;
        };
        MakeBulletinDto: {
            /**
             * @description a special bulletin: the first day (local date) or instant covered
             * @example 2026-11-05
             */
            from?: string;
            /**
             * @description a month (YYYY-MM) or quarter (YYYY-Qn) that has ended
             * @example 2026-11
             */
            period?: string;
            /** @example 关于农村公路问题专项督查情况的通报 */
            title?: string;
            /**
             * @description a special bulletin: the last day covered (inclusive) or an instant; not in the future
             * @example 2026-11-20
             */
            to?: string;
        };
        MarkedReadDto: {
            /** @description how many were unread */
            updated: number;
        };
        MeDto: {
            active: boolean;
            displayName: string;
            email: string | null;
            phone: string | null;
            /** @enum {string} */
            role: "admin" | "supervisor" | "handler" | "inspector";
            unit: string | null;
            /** @example 兴仁市人民政府 */
            unitName: string | null;
            username: string;
        };
        NewPasswordDto: {
            /** @description at least 10 characters, not the username */
            newPassword: string;
        };
        NotificationDto: {
            /** Format: date-time */
            createdAt: string;
            data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            issueId: string;
            /** @description the escalation level, for escalations */
            level?: number;
            /** Format: date-time */
            readAt: string | null;
            /**
             * @description the issue’s
             * @example DH-2026-000123
             */
            referenceNo: string;
            /** @description the issue’s */
            title: string;
            /** @enum {string} */
            type: "reminder" | "acknowledge_overdue" | "overdue" | "escalation" | "supervision_notice" | "extension_decided";
            /** @description the notified unit */
            unit: string | null;
            /** @description the notified user, when addressed to one */
            username: string | null;
        };
        NotificationPage: {
            items: components["schemas"]["NotificationDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        ProgressDto: {
            note: string;
        };
        ProposalReportDto: {
            basicallySatisfied: number;
            byUnit: components["schemas"]["ProposalUnitDto"][];
            closed: number;
            keyProposals: number;
            keyProposalsSupervised: number;
            registered: number;
            replied: number;
            /** @description a fraction from 0 to 1; null with nothing to count */
            replyRate: number | null;
            /** @description a fraction from 0 to 1; null with nothing to count */
            satisfactionRate: number | null;
            satisfied: number;
            unsatisfied: number;
            year: number;
        };
        ProposalUnitDto: {
            keyProposals: number;
            keyProposalsSupervised: number;
            registered: number;
            replied: number;
            /** @description a fraction from 0 to 1; null with nothing to count */
            replyRate: number | null;
            unit: string | null;
        };
        PutCalendarDayDto: {
            /** @example 国庆节 */
            name?: string;
            /** @enum {string} */
            type: "holiday" | "workday";
        };
        PutCalendarYearDto: {
            days: components["schemas"]["CalendarYearDayDto"][];
        };
        RectificationDto: {
            evidence?: components["schemas"]["EvidenceDto"][];
            summary: string;
        };
        RegionDto: {
            /** @example 522302 */
            code: string;
            /** @example 兴仁市 */
            name: string;
            /** @example 522300 */
            parent: string | null;
        };
        RegionPage: {
            items: components["schemas"]["RegionDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        ReturnIssueDto: {
            reason: string;
            /**
             * @default other
             * @enum {string}
             */
            reasonCode?: "not_our_jurisdiction" | "not_our_duty" | "duplicate" | "insufficient_information" | "other";
        };
        RoutingExplanationDto: {
            candidates: components["schemas"]["RuleCandidateDto"][];
            coUnits: string[];
            /** @description null: no rule applies, the issue goes to triage */
            leadUnit: string | null;
            rule: components["schemas"]["RoutingRuleDto"] | null;
        };
        RoutingRuleDto: {
            category: string | null;
            coUnits: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            leadUnit: string;
            priority: number;
            regionCode: string | null;
        };
        RoutingRulePage: {
            items: components["schemas"]["RoutingRuleDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        RuleCandidateDto: {
            /** @description the same, in an English sentence */
            detail: string;
            /** @description whether the rule applies to such an issue */
            matched: boolean;
            /**
             * @description why it won, lost or does not apply
             * @enum {string}
             */
            reason: "won" | "less_specific" | "farther_region" | "lower_priority" | "newer" | "category_differs" | "region_not_on_chain" | "lead_unit_retired";
            rule: components["schemas"]["RoutingRuleDto"];
        };
        RuleSetAnswerDto: {
            /** @example 100 */
            base: number;
            rules: components["schemas"]["ScoringRuleDto"][];
            version: number;
        };
        RuleSetDto: {
            /** @example 100 */
            base: number;
            rules: components["schemas"]["ScoringRuleDto"][];
            /** @description as GET returns it; ignored, since each PUT makes a new version */
            version?: number;
        };
        ScoringRuleDto: {
            /** @enum {string} */
            event: "issue.filed" | "issue.routed" | "issue.triaged" | "issue.acknowledged" | "issue.returned" | "issue.progress_reported" | "issue.rectification_submitted" | "issue.accepted" | "issue.reopened" | "issue.extension_requested" | "issue.extension_approved" | "issue.extension_rejected" | "issue.reminder_sent" | "issue.acknowledge_overdue" | "issue.overdue" | "issue.escalated" | "issue.supervision_notice" | "issue.key_changed" | "issue.withdrawn";
            /** @example -2 */
            points: number;
            /**
             * @description matched against the event data, key by key
             * @example {
             *       "level": 2
             *     }
             */
            when?: Record<string, never>;
        };
        SummaryDto: {
            items: components["schemas"]["UnitSummaryDto"][];
        };
        SupervisionNoticeDto: {
            note: string;
        };
        TimelineDto: {
            items: components["schemas"]["TimelineItemDto"][];
        };
        TimelineItemDto: {
            /** @example {
             *       "username": "xingren-handler",
             *       "role": "handler"
             *     } */
            actor: Record<string, never>;
            data: Record<string, never>;
            /**
             * Format: uuid
             * @description the event id, as in webhooks (X-Event-Id) and the ledger
             */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            seq: number;
            type: string;
        };
        TokenDto: {
            accessToken: string;
            /** @description seconds */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        TrendDto: {
            items: components["schemas"]["WeekCountDto"][];
        };
        UnitDto: {
            /** @description a retired unit gets no new issues */
            active: boolean;
            /** @example xingren-gov */
            code: string;
            /** @enum {string} */
            kind: "party_committee" | "government" | "department" | "inspection_office";
            /** @example 兴仁市人民政府 */
            name: string;
            /** @description the unit an escalation climbs to */
            parent: string | null;
            /** @example 522302 */
            regionCode: string;
        };
        UnitPage: {
            items: components["schemas"]["UnitDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        UnitSummaryDto: {
            /** @example {
             *       "1": 3,
             *       "2": 1
             *     } */
            byLevel: {
                [key: string]: number;
            };
            /** @description open key issues and key proposals */
            key: number;
            open: number;
            overdue: number;
            unit: string;
        };
        UnreadCountDto: {
            count: number;
        };
        UpdateCategoryDto: {
            /** @description false retires it: filing under it is refused */
            active?: boolean;
            name?: string;
        };
        UpdateDeadlinePolicyDto: {
            /** @example P1D */
            acknowledgeWithin?: string;
            /** @enum {string} */
            calendar?: "working" | "natural";
            category?: string | null;
            escalations?: components["schemas"]["EscalationStepDto"][];
            /** @example 2 */
            maxReturns?: number;
            /** @example [
             *       0.5,
             *       0.8
             *     ] */
            remindAt?: number[];
            /** @example P15D */
            resolveWithin?: string;
            /** @enum {string} */
            severity?: "general" | "major" | "urgent";
            /** @example P5D */
            verifyWithin?: string;
        };
        UpdateProfileDto: {
            displayName?: string;
            /**
             * @description for e-mail notices
             * @example zhang@qxn.gov.cn
             */
            email?: string | null;
            /**
             * @description for SMS notices
             * @example +86 139 0859 0000
             */
            phone?: string | null;
        };
        UpdateRegionDto: {
            /** @example 兴仁市 */
            name?: string;
        };
        UpdateRoutingRuleDto: {
            category?: string | null;
            coUnits?: string[];
            leadUnit?: string;
            priority?: number;
            regionCode?: string | null;
        };
        UpdateUnitDto: {
            /** @description false retires the unit: no new issues, its rules skipped */
            active?: boolean;
            /** @enum {string} */
            kind?: "party_committee" | "government" | "department" | "inspection_office";
            name?: string;
            /** @description null detaches it from the ladder */
            parent?: string | null;
            regionCode?: string;
        };
        UpdateUserDto: {
            /** @description false retires the account: it cannot log in, and its tokens stop working */
            active?: boolean;
            displayName?: string;
            /**
             * @description for e-mail notices
             * @example zhang@qxn.gov.cn
             */
            email?: string | null;
            /**
             * @description for SMS notices
             * @example +86 139 0859 0000
             */
            phone?: string | null;
            /** @enum {string} */
            role?: "admin" | "supervisor" | "handler" | "inspector";
            /** @description unit code; required for a handler */
            unit?: string | null;
        };
        UserDto: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            email: string | null;
            /** Format: uuid */
            id: string;
            phone: string | null;
            /** @enum {string} */
            role: "admin" | "supervisor" | "handler" | "inspector";
            unit: string | null;
            username: string;
        };
        UserPage: {
            items: components["schemas"]["UserDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        VerificationDto: {
            comment?: string;
            /** @description new due time after a rejection; default from the policy */
            dueAt?: string;
            /** @enum {string} */
            outcome: "accepted" | "rejected";
            /** @enum {string} */
            satisfaction?: "satisfied" | "basically_satisfied" | "unsatisfied";
        };
        WebhookDto: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            events: ("issue.filed" | "issue.routed" | "issue.triaged" | "issue.acknowledged" | "issue.returned" | "issue.progress_reported" | "issue.rectification_submitted" | "issue.accepted" | "issue.reopened" | "issue.extension_requested" | "issue.extension_approved" | "issue.extension_rejected" | "issue.reminder_sent" | "issue.acknowledge_overdue" | "issue.overdue" | "issue.escalated" | "issue.supervision_notice" | "issue.key_changed" | "issue.withdrawn" | "assessment.points_recorded")[];
            /** Format: uuid */
            id: string;
            url: string;
        };
        WebhookPage: {
            items: components["schemas"]["WebhookDto"][];
            /** @description pass as ?cursor= for the next page; null at the end */
            nextCursor: string | null;
        };
        WeekCountDto: {
            closed: number;
            filed: number;
            /**
             * @description the Monday the week starts, in TIME_ZONE
             * @example 2026-11-30
             */
            weekStart: string;
        };
        WithdrawDto: {
            reason: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AppInfoController_info: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppInfoDto"];
                };
            };
        };
    };
    AssessmentController_evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluationDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationAnswerDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssessmentController_export: {
        parameters: {
            query?: {
                format?: "csv" | "json";
                /** @description a local date or an ISO-8601 instant; default 1 January */
                from?: string;
                /** @description a local date (inclusive) or an instant; default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssessmentController_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetAnswerDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssessmentController_replaceRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleSetDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetAnswerDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssessmentController_units: {
        parameters: {
            query?: {
                /** @description a local date or an ISO-8601 instant; default 1 January */
                from?: string;
                /** @description a local date (inclusive) or an instant; default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentTableDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssessmentController_unit: {
        parameters: {
            query?: {
                /** @description a local date or an ISO-8601 instant; default 1 January */
                from?: string;
                /** @description a local date (inclusive) or an instant; default now */
                to?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentUnitDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AttachmentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this type of file is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AttachmentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuditLogController_list: {
        parameters: {
            query?: {
                /** @description the username who made the change */
                actor?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                from?: string;
                limit?: number;
                targetType?: "user" | "region" | "unit" | "category" | "routing_rule" | "deadline_policy" | "calendar" | "assessment_rules" | "webhook" | "notification_delivery";
                /** @description exclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description too many failed logins for this username */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    BulletinsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    BulletinsController_make: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MakeBulletinDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    BulletinsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    BulletinsController_export: {
        parameters: {
            query?: {
                format?: "docx" | "csv" | "json";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarController_list: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDayList"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCalendarDayDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDayDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarController_replaceYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCalendarYearDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CategoriesController_list: {
        parameters: {
            query?: {
                /** @description only active (or only retired) ones */
                active?: boolean;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CategoriesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCategoryDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CategoriesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCategoryDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DeadlinePoliciesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePolicyList"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DeadlinePoliciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeadlinePolicyDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePolicyDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DeadlinePoliciesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DeadlinePoliciesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeadlinePolicyDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePolicyDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExtensionRequestsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                status?: "pending" | "approved" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionRequestPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_list: {
        parameters: {
            query?: {
                category?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                escalationLevel?: number;
                filedBy?: string;
                /** @description key issues and key proposals only (or none of them) */
                isKey?: boolean;
                kind?: "supervision" | "proposal";
                leadUnit?: string;
                limit?: number;
                overdue?: boolean;
                /** @description text in the title, or a reference number */
                q?: string;
                regionCode?: string;
                severity?: "general" | "major" | "urgent";
                /** @description `-` for newest / latest first */
                sort?: "-filedAt" | "filedAt" | "dueAt" | "-dueAt";
                status?: "filed" | "triage" | "assigned" | "in_progress" | "rectification_submitted" | "closed" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuePageDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_file: {
        parameters: {
            query?: never;
            header?: {
                /** @description the same key returns the first result */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileIssueDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_acknowledge: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmptyBodyDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_assign: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_extensionRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionRequestListDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_requestExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionRequestDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionRequestViewDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_decideExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionDecisionDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_markKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KeyDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_progress: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_rectification: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RectificationDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_returnIssue: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnIssueDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_supervisionNotice: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupervisionNoticeDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_verification: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerificationDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    IssuesController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description the issue version; 412 if it moved on */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description If-Match names a version the issue has moved on from */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    NotificationDeliveriesController_list: {
        parameters: {
            query?: {
                channel?: "email" | "sms";
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                status?: "pending" | "sent" | "dead";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelDeliveryPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    NotificationDeliveriesController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelDeliveryDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedReadDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    NotificationsController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OversightController_board: {
        parameters: {
            query: {
                colour: "blue" | "yellow" | "red";
                /** @description nextCursor from the previous page */
                cursor?: string;
                leadUnit?: string;
                limit?: number;
                minLevel?: number;
                /** @description the region and every region under it */
                regionCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OversightController_overdue: {
        parameters: {
            query?: {
                /** @description a past moment: the board as it stood then, rebuilt from the timeline (`overdueSeconds` at it) */
                asOf?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                leadUnit?: string;
                limit?: number;
                minLevel?: number;
                /** @description the region and every region under it */
                regionCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OversightController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OversightController_trend: {
        parameters: {
            query?: {
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrendDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RegionsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RegionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRegionDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RegionsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRegionDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReportsController_proposals: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalReportDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoutingRulesController_list: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRulePage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoutingRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoutingRuleDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoutingRulesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoutingRulesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoutingRuleDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoutingRulesController_explain: {
        parameters: {
            query: {
                category: string;
                regionCode: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingExplanationDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StreamController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an event stream, open until the client goes away */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: {
                /** @description only active (or only retired) ones */
                active?: boolean;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UnitsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UnitsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UnitsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UnitsController_inbox: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuePageDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description only active (or only retired) ones */
                active?: boolean;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                role?: "admin" | "supervisor" | "handler" | "inspector";
                /** @description unit code: that unit's users */
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description the state does not allow this, or it exists already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPasswordDto"];
            };
        };
        responses: {
            /** @description done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WebhooksController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            /** @description invalid input; `message` names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description no token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description this role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description not found, or not visible to this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
}
