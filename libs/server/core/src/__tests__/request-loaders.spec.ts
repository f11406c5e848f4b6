import DataLoader from 'dataloader';
import { ANONYMOUS } from '../auth/actor';
import { LoaderFactory, RequestLoaders } from '../loaders/request-loaders';

function countingFactory() {
  const batches: string[][] = [];
  const factory: LoaderFactory<{ byId: DataLoader<string, string> }> = {
    createLoaders: () => ({
      byId: new DataLoader(async (ids) => {
        batches.push([...ids]);
        return ids.map((id) => `row ${id}`);
      }),
    }),
  };
  return { factory, batches };
}

describe('RequestLoaders', () => {
  it('batches and caches for the whole of an HTTP request', async () => {
    const { factory, batches } = countingFactory();
    const loaders = new RequestLoaders(ANONYMOUS);
    await Promise.all(['a', 'b', 'a'].map((id) => loaders.get(factory).byId.load(id)));
    await new Promise((r) => setImmediate(r));
    await loaders.get(factory).byId.load('a');
    expect(batches).toEqual([['a', 'b']]);
  });

  it('for a subscription, still batches within a tick but reads fresh rows for the next event', async () => {
    const { factory, batches } = countingFactory();
    const loaders = new RequestLoaders(ANONYMOUS, true);
    await Promise.all(['a', 'b'].map((id) => loaders.get(factory).byId.load(id)));
    await new Promise((r) => setImmediate(r));
    await loaders.get(factory).byId.load('a');
    expect(batches).toEqual([['a', 'b'], ['a']]);
  });
});
