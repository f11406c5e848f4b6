import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ProgressQueue, type QueuedCompletion, type QueueStorage } from './progress-queue';

/**
 * The learning data kept in the browser (IndexedDB "anyam-learning"), always per member:
 *  - `modules`: the modules made available offline (title, language, the ordered lesson list);
 *  - `lessons`: each lesson's sanitised HTML (as the server rendered it), minutes, resources' names and
 *    sizes, the quiz's questions (never answers: the server grades) and when I completed it;
 *  - `queue`: completions waiting to be sent (see ProgressQueue);
 *  - `meta`: the last member signed in here, so lessons open offline even before the session is back.
 * Signing out (online) deletes the member's modules and lessons; waiting completions stay until they are sent.
 */

export interface OfflineResource {
  id: string;
  name: string;
  url: string;
  mimeType: string;
  sizeBytes: number;
}

export interface OfflineQuizOption {
  id: string;
  text: string;
}

export interface OfflineQuizQuestion {
  id: string;
  prompt: string;
  multiple: boolean;
  options: OfflineQuizOption[];
}

export interface OfflineLesson {
  key: string;
  memberId: string;
  moduleId: string;
  id: string;
  position: number;
  title: string;
  contentHtml: string;
  estimatedMinutes: number;
  resources: OfflineResource[];
  quiz: { passMark: number; questions: OfflineQuizQuestion[] } | null;
  completedAt: string | null;
  savedAt: string;
}

export interface OfflineModule {
  key: string;
  memberId: string;
  id: string;
  slug: string;
  title: string;
  language: string;
  lessonIds: string[];
  savedAt: string;
}

interface LearningDb extends DBSchema {
  modules: { key: string; value: OfflineModule; indexes: { byMember: string } };
  lessons: { key: string; value: OfflineLesson; indexes: { byModule: [string, string] } };
  queue: { key: string; value: QueuedCompletion; indexes: { byMember: string } };
  meta: { key: string; value: { key: string; value: string } };
}

const DB_NAME = 'anyam-learning';
const key = (memberId: string, id: string) => `${memberId}|${id}`;

let dbPromise: Promise<IDBPDatabase<LearningDb>> | null = null;

export function offlineAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

function db(): Promise<IDBPDatabase<LearningDb>> {
  dbPromise ??= openDB<LearningDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('modules', { keyPath: 'key' }).createIndex('byMember', 'memberId');
      database.createObjectStore('lessons', { keyPath: 'key' }).createIndex('byModule', ['memberId', 'moduleId']);
      database.createObjectStore('queue', { keyPath: 'key' }).createIndex('byMember', 'memberId');
      database.createObjectStore('meta', { keyPath: 'key' });
    },
    blocking() {
      // A newer version of the app wants to upgrade the database: let it.
      void dbPromise?.then((open) => open.close());
      dbPromise = null;
    },
  });
  return dbPromise;
}

type Listener = () => void;
const listeners = new Set<Listener>();
function changed() {
  for (const listener of listeners) listener();
}

/** Called whenever offline modules or lessons change (the queue has its own `subscribe`). */
export function onOfflineChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type ModuleInput = Omit<OfflineModule, 'key' | 'memberId' | 'lessonIds' | 'savedAt'>;
export type LessonInput = Omit<OfflineLesson, 'key' | 'memberId' | 'moduleId' | 'savedAt'>;

/** Stores (or replaces) a module and all its lessons for the member, in one transaction. */
export async function saveModuleOffline(memberId: string, module: ModuleInput, lessons: LessonInput[]): Promise<void> {
  const database = await db();
  const tx = database.transaction(['modules', 'lessons'], 'readwrite');
  const savedAt = new Date().toISOString();
  const ordered = [...lessons].sort((a, b) => a.position - b.position);
  const lessonStore = tx.objectStore('lessons');
  const old = await lessonStore.index('byModule').getAllKeys([memberId, module.id]);
  const keep = new Set(ordered.map((l) => key(memberId, l.id)));
  await Promise.all(old.filter((k) => !keep.has(k)).map((k) => lessonStore.delete(k)));
  for (const lesson of ordered) {
    const existing = await lessonStore.get(key(memberId, lesson.id));
    await lessonStore.put({
      ...lesson,
      // A completion made offline (and not yet on the server) is not forgotten by a refresh.
      completedAt: lesson.completedAt ?? existing?.completedAt ?? null,
      key: key(memberId, lesson.id),
      memberId,
      moduleId: module.id,
      savedAt,
    });
  }
  await tx.objectStore('modules').put({
    ...module,
    key: key(memberId, module.id),
    memberId,
    lessonIds: ordered.map((l) => l.id),
    savedAt,
  });
  await tx.done;
  changed();
}

export async function removeModuleOffline(memberId: string, moduleId: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(['modules', 'lessons'], 'readwrite');
  const lessonKeys = await tx.objectStore('lessons').index('byModule').getAllKeys([memberId, moduleId]);
  await Promise.all(lessonKeys.map((k) => tx.objectStore('lessons').delete(k)));
  await tx.objectStore('modules').delete(key(memberId, moduleId));
  await tx.done;
  changed();
}

export async function offlineModules(memberId: string): Promise<OfflineModule[]> {
  const modules = await (await db()).getAllFromIndex('modules', 'byMember', memberId);
  return modules.sort((a, b) => a.title.localeCompare(b.title));
}

export async function offlineModule(memberId: string, moduleId: string): Promise<OfflineModule | undefined> {
  return (await db()).get('modules', key(memberId, moduleId));
}

export async function offlineModuleBySlug(memberId: string, slug: string): Promise<OfflineModule | undefined> {
  return (await offlineModules(memberId)).find((m) => m.slug === slug);
}

export async function offlineLesson(memberId: string, lessonId: string): Promise<OfflineLesson | undefined> {
  return (await db()).get('lessons', key(memberId, lessonId));
}

export async function offlineLessons(memberId: string, moduleId: string): Promise<OfflineLesson[]> {
  const lessons = await (await db()).getAllFromIndex('lessons', 'byModule', [memberId, moduleId]);
  return lessons.sort((a, b) => a.position - b.position);
}

/** Marks a stored lesson complete (keeping the first time), so the reader shows it done while offline. */
export async function markLessonCompleteOffline(memberId: string, lessonId: string, completedAt: string): Promise<void> {
  const database = await db();
  const lesson = await database.get('lessons', key(memberId, lessonId));
  if (!lesson) return;
  if (lesson.completedAt && Date.parse(lesson.completedAt) <= Date.parse(completedAt)) return;
  await database.put('lessons', { ...lesson, completedAt });
  changed();
}

/** Deletes the member's stored modules and lessons (on signing out); waiting completions are kept. */
export async function forgetMemberContent(memberId: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(['modules', 'lessons'], 'readwrite');
  const modules = await tx.objectStore('modules').index('byMember').getAll(memberId);
  for (const module of modules) {
    const lessonKeys = await tx.objectStore('lessons').index('byModule').getAllKeys([memberId, module.id]);
    await Promise.all(lessonKeys.map((k) => tx.objectStore('lessons').delete(k)));
    await tx.objectStore('modules').delete(module.key);
  }
  await tx.done;
  changed();
}

export async function rememberMember(memberId: string): Promise<void> {
  await (await db()).put('meta', { key: 'lastMember', value: memberId });
}

export async function lastMember(): Promise<string | null> {
  return (await (await db()).get('meta', 'lastMember'))?.value ?? null;
}

class IdbQueueStorage implements QueueStorage {
  async get(k: string) {
    return (await db()).get('queue', k);
  }
  async put(entry: QueuedCompletion) {
    await (await db()).put('queue', entry);
  }
  async delete(k: string) {
    await (await db()).delete('queue', k);
  }
  async listByMember(memberId: string) {
    return (await db()).getAllFromIndex('queue', 'byMember', memberId);
  }
}

/** The one queue of this tab. */
export const progressQueue = new ProgressQueue(new IdbQueueStorage());

/** Refreshes one stored lesson from what the server just sent, when its module is kept offline. */
export async function refreshLessonOffline(memberId: string, moduleId: string, lesson: LessonInput): Promise<void> {
  const database = await db();
  const module = await database.get('modules', key(memberId, moduleId));
  if (!module || !module.lessonIds.includes(lesson.id)) return;
  const existing = await database.get('lessons', key(memberId, lesson.id));
  await database.put('lessons', {
    ...lesson,
    completedAt: lesson.completedAt ?? existing?.completedAt ?? null,
    key: key(memberId, lesson.id),
    memberId,
    moduleId,
    savedAt: new Date().toISOString(),
  });
  changed();
}
