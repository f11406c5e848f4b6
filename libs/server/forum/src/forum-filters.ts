import { Actor, AppError, isMember } from '@anyam/server/core';
import { ForumError, FORUM_LIMITS, ForumReason } from './forum.errors';
import { LANGUAGE_TAG, TAG } from './forum.service';
import type { SearchListFilter, ThreadListFilter } from './forum.repository';
import type { SearchFilter, ThreadFilter } from './graphql/thread.input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const THEME_KEY = /^[a-z0-9]+([-_.][a-z0-9]+)*$/;
const THEME_KEY_MAX = 48;

function themeKey(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length > THEME_KEY_MAX || !THEME_KEY.test(value)) throw AppError.badInput('themeKey', ForumReason.Invalid, 'Choose a theme from the list.');
  return value;
}

function memberId(value: string | null | undefined): string | null {
  if (!value) return null;
  if (!UUID.test(value)) throw AppError.badInput('authorId', ForumReason.Invalid, 'Choose a member from the list.');
  return value;
}

/** A thread list filter checked and normalised; bad values answer BAD_USER_INPUT naming the field. */
export function threadListFilter(filter: ThreadFilter | null | undefined, actor: Actor): ThreadListFilter {
  if (!filter) return {};
  const tag = filter.tag?.trim().toLowerCase() || null;
  if (tag && (!TAG.test(tag) || tag.length > FORUM_LIMITS.tagMax)) throw ForumError.tag();
  const language = filter.language?.trim() || null;
  if (language && (!LANGUAGE_TAG.test(language) || language.length > 35)) throw ForumError.language();
  if (filter.unread && !isMember(actor)) throw AppError.badInput('unread', 'signInRequired', 'Sign in to see the threads you have not read.');
  return { themeKey: themeKey(filter.themeKey), tag, language, authorId: memberId(filter.authorId), unanswered: filter.unanswered ?? null, unread: filter.unread ?? null };
}

/** A search filter checked and normalised. */
export function searchListFilter(filter: SearchFilter | null | undefined): SearchListFilter {
  if (!filter) return {};
  if (filter.groupId && !UUID.test(filter.groupId)) throw AppError.badInput('groupId', ForumReason.Invalid, 'Choose a group from the list.');
  if (filter.from && filter.to && filter.to <= filter.from) throw AppError.badInput('to', 'beforeFrom', 'The end of the period must come after its start.');
  return { groupId: filter.groupId ?? null, themeKey: themeKey(filter.themeKey), authorId: memberId(filter.authorId), from: filter.from ?? null, to: filter.to ?? null };
}
