import type { Evidence, ReturnReasonCode, Satisfaction } from '@/api/types';
import type { CommandBodies } from './api';

/** The commands the issue page asks for in its own dialog (the rest are buttons, or oversight's dialogs). */
export type DialogCommand = 'return' | 'progress' | 'rectification' | 'verification' | 'requestExtension' | 'withdraw';

export interface CommandForm {
  reasonCode: ReturnReasonCode;
  reason: string;
  note: string;
  summary: string;
  outcome: 'accepted' | 'rejected';
  satisfaction: Satisfaction | '';
  comment: string;
  /** ISO instants (the picker's wall-clock time in the service's zone, converted). */
  dueAt: string;
  requestedDueAt: string;
}

/** The body each command takes, from the dialog's form: trimmed text, nothing the command does not take. */
export function commandBody<C extends DialogCommand>(
  command: C,
  form: CommandForm,
  evidence: Evidence[] = [],
): CommandBodies[C] {
  const bodies: { [K in DialogCommand]: () => CommandBodies[K] } = {
    return: () => ({ reason: form.reason.trim(), reasonCode: form.reasonCode }),
    progress: () => ({ note: form.note.trim() }),
    rectification: () => ({ summary: form.summary.trim(), evidence }),
    verification: () => {
      const comment = form.comment.trim();
      return {
        outcome: form.outcome,
        ...(comment ? { comment } : {}),
        ...(form.satisfaction ? { satisfaction: form.satisfaction } : {}),
        // A new due date only goes with a rejection; an acceptance closes the issue.
        ...(form.outcome === 'rejected' && form.dueAt ? { dueAt: form.dueAt } : {}),
      };
    },
    requestExtension: () => ({ requestedDueAt: form.requestedDueAt, reason: form.reason.trim() }),
    withdraw: () => ({ reason: form.reason.trim() }),
  };
  return bodies[command]() as CommandBodies[C];
}
