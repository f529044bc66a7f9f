// A landlord's or a city's list of forbidden words, as moderators edit it in the console.
import { Prisma, type PrismaClient } from '@prisma/client';
import type { ForbiddenWord, Page, PageQuery } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { StaffContext } from '../accounts/staff-sessions';
import { decodeCursor, encodeCursor } from '../../pagination';
import { DEFAULT_FORBIDDEN_WORDS, foldForMatching } from './forbidden-words';

/** Only landlords and cities keep a list: those are the ones applied to tenants. */
function listOwner(staff: StaffContext): string {
  if (staff.organisation.kind === 'TOWN_HALL') throw new DomainError('forbidden');
  return staff.organisation.id;
}

function folded(word: string): string {
  return foldForMatching(word.trim()).replace(/\s+/g, ' ');
}

function toForbiddenWord(row: { id: string; word: string; createdAt: Date }, staff: StaffContext): ForbiddenWord {
  return {
    id: row.id,
    word: row.word,
    organisation: { id: staff.organisation.id, name: staff.organisation.name },
    createdAt: row.createdAt.toISOString(),
  };
}

/** Newest first (a word just added shows at the top), keyset on (createdAt, id). */
export async function listForbiddenWords(db: PrismaClient, staff: StaffContext, query: PageQuery): Promise<Page<ForbiddenWord>> {
  const organisationId = listOwner(staff);
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.forbiddenWord.findMany({
    where: {
      organisationId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((row) => toForbiddenWord(row, staff)),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** Adding a word already listed (in any spelling that folds the same) returns the listed one. */
export async function addForbiddenWord(
  db: PrismaClient,
  staff: StaffContext,
  word: string,
): Promise<{ word: ForbiddenWord; created: boolean }> {
  const organisationId = listOwner(staff);
  const key = folded(word);
  if (key.length < 2) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.word', message: 'at least 2 letters' }] });
  }
  const existing = await db.forbiddenWord.findUnique({ where: { organisationId_folded: { organisationId, folded: key } } });
  if (existing) return { word: toForbiddenWord(existing, staff), created: false };
  try {
    const row = await db.forbiddenWord.create({ data: { organisationId, word: word.trim(), folded: key, createdByStaffId: staff.id } });
    return { word: toForbiddenWord(row, staff), created: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const row = await db.forbiddenWord.findUniqueOrThrow({ where: { organisationId_folded: { organisationId, folded: key } } });
      return { word: toForbiddenWord(row, staff), created: false };
    }
    throw error;
  }
}

export async function removeForbiddenWord(db: PrismaClient, staff: StaffContext, id: string): Promise<void> {
  const organisationId = listOwner(staff);
  const removed = await db.forbiddenWord.deleteMany({ where: { id, organisationId } });
  if (removed.count === 0) throw new DomainError('not_found');
}

/** Gives an organisation the default list (the demo seed does it for its landlord and city). */
export async function seedDefaultForbiddenWords(db: PrismaClient, organisationId: string): Promise<void> {
  await db.forbiddenWord.createMany({
    data: DEFAULT_FORBIDDEN_WORDS.map((word) => ({ organisationId, word, folded: folded(word) })),
    skipDuplicates: true,
  });
}
