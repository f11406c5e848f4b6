import type { ApolloClient } from '@apollo/client';
import { LearningModuleOfflineDocument, type LearningLessonBodyFragment } from '@anyam/client/graphql';
import { saveModuleOffline, type LessonInput } from './offline-db';

/** The parts of a lesson the reader needs without a connection (no answers: the server grades quizzes). */
export function toOfflineLesson(lesson: LearningLessonBodyFragment): LessonInput {
  return {
    id: lesson.id,
    position: lesson.position,
    title: lesson.title,
    contentHtml: lesson.contentHtml ?? '',
    estimatedMinutes: lesson.estimatedMinutes,
    resources: (lesson.resources ?? []).map((r) => ({
      id: r.id,
      name: r.fileName,
      url: r.url,
      mimeType: r.mediaType,
      sizeBytes: r.sizeBytes,
    })),
    quiz: lesson.quiz
      ? {
          passMark: lesson.quiz.passMark,
          questions: lesson.quiz.questions.map((q) => ({
            id: q.id,
            prompt: q.prompt,
            multiple: q.kind === 'MULTIPLE',
            options: q.options.map((o) => ({ id: o.id, text: o.label })),
          })),
        }
      : null,
    completedAt: lesson.viewerProgress?.completed ? (lesson.viewerProgress.completedAt ?? null) : null,
  };
}

/**
 * Downloads every lesson of a module I may read and keeps it in IndexedDB for `memberId`. Returns the number
 * of lessons stored; throws when offline or when the module cannot be read.
 */
export async function makeModuleAvailableOffline(client: ApolloClient, memberId: string, slug: string): Promise<number> {
  const { data } = await client.query({ query: LearningModuleOfflineDocument, variables: { slug }, fetchPolicy: 'network-only' });
  const module = data?.trainingModule;
  if (!module) throw new Error('module not found');
  const lessons = module.lessons.filter((l) => l.viewerCanRead).map(toOfflineLesson);
  await saveModuleOffline(memberId, { id: module.id, slug: module.slug, title: module.title, language: module.language }, lessons);
  return lessons.length;
}
