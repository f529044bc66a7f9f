// The phone hand-off of a long text: the TV says what to write, the phone sends the text once, the TV reads it.
import type { PrismaClient } from '@prisma/client';
import type { HandoffTextRequest, HandoffTextTask, HandoffTextView } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import { raiseEvent } from '../realtime/service';

function characters(text: string): number {
  return Array.from(text).length;
}

/** What the TV asks for when it starts a "text" hand-off; stored with it. */
export function textTaskData(request: HandoffTextRequest | undefined) {
  if (!request)
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'body.text', message: 'the question and the limit are required' }],
    });
  const initial = request.initial ?? '';
  if (characters(initial) > request.maxLength)
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.text.initial', message: 'longer than maxLength' }] });
  return { prompt: request.prompt, maxLength: request.maxLength, initial };
}

async function taskOf(db: PrismaClient, handoffId: string) {
  const task = await db.handoffText.findUnique({ where: { handoffId } });
  if (!task) throw new DomainError('not_found');
  return task;
}

/** The phone: the question, the limit, and the text to start from (what it sent, once it did). */
export async function readTextTask(db: PrismaClient, handoffId: string): Promise<HandoffTextTask> {
  const task = await taskOf(db, handoffId);
  return { prompt: task.prompt, maxLength: task.maxLength, text: task.text ?? task.initial, sent: task.sentAt !== null };
}

function view(task: { handoffId: string; text: string | null; sentAt: Date | null }): HandoffTextView {
  return { handoffId: task.handoffId, text: task.text, sentAt: task.sentAt ? task.sentAt.toISOString() : null };
}

/**
 * The phone sends its text: once. Sending the same text again (a retry after a lost answer) answers the same; another
 * text is refused, so what the TV showed is what was sent.
 */
export async function sendText(
  db: PrismaClient,
  bus: EventBus,
  handoff: { tenantId: string; handoffId: string },
  text: string,
  now = new Date(),
): Promise<HandoffTextView> {
  const task = await taskOf(db, handoff.handoffId);
  if (characters(text) > task.maxLength)
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'body.text', message: `at most ${task.maxLength} characters` }],
    });
  // The conditional update makes the send single, even when the phone sends twice at once.
  const { count } = await db.handoffText.updateMany({ where: { handoffId: handoff.handoffId, sentAt: null }, data: { text, sentAt: now } });
  if (count !== 1) {
    const sent = await taskOf(db, handoff.handoffId);
    if (sent.text !== text) throw new DomainError('handoff_text_already_sent');
    return view(sent);
  }
  await raiseEvent(db, bus, `TENANT:${handoff.tenantId}`, { name: 'handoff.text_received', data: { handoffId: handoff.handoffId } });
  return view({ handoffId: handoff.handoffId, text, sentAt: now });
}

/** The TV: what the tenant's phone sent for one of the tenant's hand-offs (another tenant's is not found). */
export async function readSentText(db: PrismaClient, tenantId: string, handoffId: string): Promise<HandoffTextView> {
  const task = await db.handoffText.findFirst({ where: { handoffId, handoff: { tenantId } } });
  if (!task) throw new DomainError('not_found');
  return view(task);
}
