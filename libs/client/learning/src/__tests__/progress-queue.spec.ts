import { MemoryQueueStorage, ProgressQueue, type QueuedCompletion, type SyncOutcome } from '../offline/progress-queue';

const SARI = 'member-sari';
const BUDI = 'member-budi';

function setup() {
  const storage = new MemoryQueueStorage();
  const queue = new ProgressQueue(storage);
  const add = (lessonId: string, completedAt: string, memberId = SARI) =>
    queue.enqueue({ memberId, lessonId, moduleId: 'm1', completedAt }, new Date('2026-11-27T10:00:00Z'));
  return { storage, queue, add };
}

const allDone = async (entries: QueuedCompletion[]): Promise<SyncOutcome> => ({ done: entries.map((e) => e.lessonId), refused: [] });

describe('ProgressQueue', () => {
  it('keeps one entry per member and lesson, with the earliest completion time', async () => {
    const { queue, add } = setup();
    await add('l1', '2026-11-27T09:30:00Z');
    await add('l1', '2026-11-27T09:45:00Z');
    await add('l1', '2026-11-27T09:10:00Z');
    await add('l1', '2026-11-27T09:20:00Z', BUDI);
    expect((await queue.pending(SARI)).map((e) => [e.lessonId, e.completedAt])).toEqual([['l1', '2026-11-27T09:10:00Z']]);
    expect(await queue.pending(BUDI)).toHaveLength(1);
  });

  it('refuses a completion time that is not a time', async () => {
    const { add, queue } = setup();
    await expect(add('l1', 'yesterday')).rejects.toThrow('not a time');
    expect(await queue.pending(SARI)).toEqual([]);
  });

  it('sends the member’s completions in the order they happened, and only theirs', async () => {
    const { queue, add } = setup();
    await add('l3', '2026-11-27T09:40:00Z');
    await add('l1', '2026-11-27T09:00:00Z');
    await add('l2', '2026-11-27T09:20:00Z');
    await add('x9', '2026-11-27T08:00:00Z', BUDI);
    const sent: string[][] = [];
    const result = await queue.flush(SARI, async (entries) => {
      sent.push(entries.map((e) => e.lessonId));
      return allDone(entries);
    });
    expect(sent).toEqual([['l1', 'l2', 'l3']]);
    expect(result).toEqual({ sent: 3, done: 3, refused: 0, waiting: 0 });
    expect(await queue.pending(SARI)).toEqual([]);
    expect(await queue.pending(BUDI)).toHaveLength(1);
  });

  it('keeps everything when the connection fails, and sends it on the next flush', async () => {
    const { queue, add } = setup();
    await add('l1', '2026-11-27T09:00:00Z');
    const failed = await queue.flush(SARI, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(failed.waiting).toBe(1);
    expect(failed.error).toBeInstanceOf(TypeError);
    expect(await queue.pending(SARI)).toHaveLength(1);
    const retried = await queue.flush(SARI, allDone);
    expect(retried).toEqual({ sent: 1, done: 1, refused: 0, waiting: 0 });
  });

  it('drops what the server refused for good and keeps what it did not answer for', async () => {
    const { queue, add } = setup();
    await add('l1', '2026-11-27T09:00:00Z');
    await add('gone', '2026-11-27T09:05:00Z');
    await add('l3', '2026-11-27T09:10:00Z');
    const result = await queue.flush(SARI, async () => ({ done: ['l1'], refused: ['gone'] }));
    expect(result).toEqual({ sent: 3, done: 1, refused: 1, waiting: 1 });
    expect((await queue.pending(SARI)).map((e) => e.lessonId)).toEqual(['l3']);
  });

  it('runs one flush at a time: a second call while one is running shares it', async () => {
    const { queue, add } = setup();
    await add('l1', '2026-11-27T09:00:00Z');
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const send = async (entries: QueuedCompletion[]) => {
      calls++;
      await gate;
      return allDone(entries);
    };
    const first = queue.flush(SARI, send);
    const second = queue.flush(SARI, send);
    release();
    expect(await first).toEqual(await second);
    expect(calls).toBe(1);
  });

  it('keeps an entry re-queued with an earlier time while its flush was in flight', async () => {
    const { queue, add } = setup();
    await add('l1', '2026-11-27T09:30:00Z');
    const result = await queue.flush(SARI, async (entries) => {
      await add('l1', '2026-11-27T09:00:00Z');
      return allDone(entries);
    });
    expect(result.waiting).toBe(1);
    expect((await queue.pending(SARI))[0].completedAt).toBe('2026-11-27T09:00:00Z');
  });

  it('tells subscribers when the queue changes', async () => {
    const { queue, add } = setup();
    const seen: number[] = [];
    const stop = queue.subscribe(() => seen.push(1));
    await add('l1', '2026-11-27T09:00:00Z');
    await add('l1', '2026-11-27T09:30:00Z'); // later time: nothing changes
    await queue.flush(SARI, allDone);
    stop();
    await add('l2', '2026-11-27T09:00:00Z');
    expect(seen).toHaveLength(2);
  });
});
