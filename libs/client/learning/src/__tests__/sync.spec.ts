import { CombinedGraphQLErrors } from '@apollo/client';
import { progressSender, type Mutator } from '../offline/sync';
import type { QueuedCompletion } from '../offline/progress-queue';

const entry = (lessonId: string, completedAt: string): QueuedCompletion => ({
  key: `m|${lessonId}`,
  memberId: 'm',
  lessonId,
  moduleId: 'mod',
  completedAt,
  queuedAt: completedAt,
});

function graphqlError(code: string, reason?: string) {
  return new CombinedGraphQLErrors({ errors: [{ message: 'no', extensions: { code, ...(reason ? { reason } : {}) } }] });
}

interface Call {
  operation: string;
  variables: Record<string, unknown>;
}

/** A fake client: answers each mutation with `answer(operation, variables)` (throw to fail). */
function fakeClient(answer: (call: Call) => void): { client: Mutator; calls: Call[] } {
  const calls: Call[] = [];
  const client = {
    mutate: async (options: { mutation: { definitions: Array<{ name?: { value: string } }> }; variables: Record<string, unknown> }) => {
      const call = { operation: options.mutation.definitions[0].name?.value ?? '', variables: options.variables };
      calls.push(call);
      answer(call);
      return { data: {} };
    },
  } as unknown as Mutator;
  return { client, calls };
}

const A = entry('a', '2026-11-27T09:00:00.000Z');
const B = entry('b', '2026-11-27T09:10:00.000Z');
const C = entry('c', '2026-11-27T09:20:00.000Z');

describe('progressSender', () => {
  it('sends every waiting completion in one syncProgress, with the device times', async () => {
    const { client, calls } = fakeClient(() => undefined);
    expect(await progressSender(client)([A, B])).toEqual({ done: ['a', 'b'], refused: [] });
    expect(calls).toEqual([
      {
        operation: 'LearningSyncProgress',
        variables: {
          input: [
            { lessonId: 'a', state: 'COMPLETED', at: A.completedAt },
            { lessonId: 'b', state: 'COMPLETED', at: B.completedAt },
          ],
        },
      },
    ]);
  });

  it('keeps everything queued without a connection or a session', async () => {
    const offline = fakeClient(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(progressSender(offline.client)([A, B])).rejects.toThrow('Failed to fetch');
    const signedOut = fakeClient(() => {
      throw graphqlError('UNAUTHENTICATED');
    });
    await expect(progressSender(signedOut.client)([A])).rejects.toBeInstanceOf(CombinedGraphQLErrors);
  });

  it('isolates the entry the server refuses for good and still sends the others', async () => {
    const { client, calls } = fakeClient(({ variables }) => {
      const input = variables.input as Array<{ lessonId: string }>;
      if (input.some((u) => u.lessonId === 'b')) throw graphqlError('NOT_FOUND');
    });
    expect(await progressSender(client)([A, B, C])).toEqual({ done: ['a', 'c'], refused: ['b'] });
    expect(calls).toHaveLength(4); // the batch, then a, b, c one at a time
  });

  it('records at the server’s time a completion whose device clock ran ahead', async () => {
    const { client, calls } = fakeClient(({ operation }) => {
      if (operation === 'LearningSyncProgress') throw graphqlError('BAD_USER_INPUT', 'future');
    });
    expect(await progressSender(client)([A])).toEqual({ done: ['a'], refused: [] });
    expect(calls.map((c) => c.operation)).toEqual(['LearningSyncProgress', 'LearningCompleteLesson']);
    expect(calls[1].variables).toEqual({ input: { lessonId: 'a' } });
  });
});
