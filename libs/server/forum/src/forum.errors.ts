import { AppError } from '@anyam/server/core';

/** Reasons the web app translates, per field. */
export enum ForumReason {
  Empty = 'empty',
  TooLong = 'tooLong',
  Invalid = 'invalid',
  Unknown = 'unknown',
  Taken = 'taken',
  Mismatch = 'mismatch',
  TooMany = 'tooMany',
}

export const FORUM_LIMITS = {
  groupNameMax: 120,
  groupDescriptionMax: 2000,
  titleMax: 200,
  bodyMax: 20000,
  tagsMax: 5,
  tagMax: 32,
  themesMax: 3,
  clientMutationIdMax: 64,
} as const;

export const ForumError = {
  empty: (field: string) => AppError.badInput(field, ForumReason.Empty, 'This field cannot be empty.'),
  tooLong: (field: string, max: number) => AppError.badInput(field, ForumReason.TooLong, `Use at most ${max} characters.`),
  tooMany: (field: string, max: number) => AppError.badInput(field, ForumReason.TooMany, `Give at most ${max} items.`),
  language: (field = 'language') => AppError.badInput(field, ForumReason.Invalid, 'Use a language tag such as id, es, pt-BR or en.'),
  tag: () => AppError.badInput('tags', ForumReason.Invalid, 'Tags are lower-case words or numbers joined by hyphens, like "funding" or "grant-writing".'),
  slugInvalid: () => AppError.badInput('slug', ForumReason.Invalid, 'Use lower-case letters, digits and single hyphens, like "re-search-forum".'),
  slugTaken: () => AppError.conflict('slug', ForumReason.Taken, 'This address is already in use. Choose another slug.'),
  themeUnknown: (field = 'themes') => AppError.badInput(field, ForumReason.Unknown, 'One of the themes does not exist.'),
  groupTarget: () =>
    AppError.badInput('kind', ForumReason.Mismatch, 'A regional forum needs a region, a hub group a hub, a thematic group a theme.'),
  regionalForumExists: () => AppError.conflict('regionId', ForumReason.Taken, 'This region already has its regional forum.'),
  quoteElsewhere: () => AppError.badInput('quotePostId', ForumReason.Mismatch, 'You can only quote a post from the same thread.'),
  oneOf: (a: string, b: string) => AppError.badInput(a, ForumReason.Invalid, `Give either ${a} or ${b}.`),
  groupNotFound: () => AppError.notFound('No such group.'),
  threadNotFound: () => AppError.notFound('No such thread.'),
  postNotFound: () => AppError.notFound('No such post.'),
  regionNotFound: () => AppError.notFound('No such region.'),
  hubNotFound: () => AppError.notFound('No such hub.'),
};
