/**
 * Lesson completions made without a connection wait here (in IndexedDB in the browser; any `QueueStorage` in
 * tests) until `flush` sends them with `syncProgress`. Each carries the time the member really finished the
 * lesson (the client's clock), so the server keeps the true order however late they arrive.
 *
 * - One entry per member and lesson: completing twice is one completion, and the first time is kept.
 * - An entry leaves the queue only when the server has answered for it (applied, already done, or refused
 *   for good, e.g. a lesson that no longer exists); a network failure or an expired session keeps it.
 * - Only one flush runs at a time (per queue object; the caller adds a cross-tab lock), and an entry changed
 *   while its flush was in flight is kept for the next one.
 */

export interface QueuedCompletion {
  /** `${memberId}|${lessonId}` */
  key: string;
  memberId: string;
  lessonId: string;
  moduleId: string;
  /** ISO time on the member's device when the lesson was completed. */
  completedAt: string;
  /** ISO time it was queued (for display only). */
  queuedAt: string;
}

export interface QueueStorage {
  get(key: string): Promise<QueuedCompletion | undefined>;
  put(entry: QueuedCompletion): Promise<void>;
  delete(key: string): Promise<void>;
  listByMember(memberId: string): Promise<QueuedCompletion[]>;
}

/** What the server said about each lesson sent: done (applied now or before) or refused for good. */
export interface SyncOutcome {
  done: string[];
  refused: string[];
}

export type SendCompletions = (entries: QueuedCompletion[]) => Promise<SyncOutcome>;

export interface FlushResult {
  sent: number;
  done: number;
  refused: number;
  /** The entries still waiting (a failure keeps them all). */
  waiting: number;
  error?: unknown;
}

export const queueKey = (memberId: string, lessonId: string) => `${memberId}|${lessonId}`;

export class ProgressQueue {
  private inflight = new Map<string, Promise<FlushResult>>();
  private listeners = new Set<() => void>();

  constructor(private readonly storage: QueueStorage) {}

  /** Called whenever the queue changes (to refresh a "waiting to sync" count). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const listener of this.listeners) listener();
  }

  async enqueue(entry: Omit<QueuedCompletion, 'key' | 'queuedAt'>, now = new Date()): Promise<QueuedCompletion> {
    if (Number.isNaN(Date.parse(entry.completedAt))) throw new Error(`completedAt is not a time: ${entry.completedAt}`);
    const key = queueKey(entry.memberId, entry.lessonId);
    const existing = await this.storage.get(key);
    if (existing && Date.parse(existing.completedAt) <= Date.parse(entry.completedAt)) return existing;
    const stored: QueuedCompletion = { ...entry, key, queuedAt: existing?.queuedAt ?? now.toISOString() };
    await this.storage.put(stored);
    this.changed();
    return stored;
  }

  /** The member's waiting completions, oldest completion first. */
  async pending(memberId: string): Promise<QueuedCompletion[]> {
    const entries = await this.storage.listByMember(memberId);
    return entries.sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt) || a.lessonId.localeCompare(b.lessonId));
  }

  flush(memberId: string, send: SendCompletions): Promise<FlushResult> {
    const running = this.inflight.get(memberId);
    if (running) return running;
    const run = this.flushNow(memberId, send).finally(() => this.inflight.delete(memberId));
    this.inflight.set(memberId, run);
    return run;
  }

  private async flushNow(memberId: string, send: SendCompletions): Promise<FlushResult> {
    const entries = await this.pending(memberId);
    if (entries.length === 0) return { sent: 0, done: 0, refused: 0, waiting: 0 };
    let outcome: SyncOutcome;
    try {
      outcome = await send(entries);
    } catch (error) {
      return { sent: entries.length, done: 0, refused: 0, waiting: entries.length, error };
    }
    const answered = new Set([...outcome.done, ...outcome.refused]);
    let removed = 0;
    for (const entry of entries) {
      if (!answered.has(entry.lessonId)) continue;
      const now = await this.storage.get(entry.key);
      // Re-queued with an earlier time while we were sending: keep it for the next flush.
      if (now && now.completedAt !== entry.completedAt) continue;
      await this.storage.delete(entry.key);
      removed++;
    }
    if (removed) this.changed();
    const waiting = (await this.storage.listByMember(memberId)).length;
    const doneSet = new Set(outcome.done);
    return {
      sent: entries.length,
      done: entries.filter((e) => doneSet.has(e.lessonId)).length,
      refused: entries.filter((e) => !doneSet.has(e.lessonId) && outcome.refused.includes(e.lessonId)).length,
      waiting,
    };
  }
}

/** A Map-backed storage (tests, and browsers without IndexedDB where progress then lives as long as the tab). */
export class MemoryQueueStorage implements QueueStorage {
  readonly entries = new Map<string, QueuedCompletion>();
  async get(key: string) {
    const entry = this.entries.get(key);
    return entry ? { ...entry } : undefined;
  }
  async put(entry: QueuedCompletion) {
    this.entries.set(entry.key, { ...entry });
  }
  async delete(key: string) {
    this.entries.delete(key);
  }
  async listByMember(memberId: string) {
    return [...this.entries.values()].filter((e) => e.memberId === memberId).map((e) => ({ ...e }));
  }
}
