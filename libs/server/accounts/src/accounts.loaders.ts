import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory } from '@anyam/server/core';
import { MemberEntity } from './entities/member.entity';
import { MemberRepository } from './member.repository';

export interface AccountsLoaders {
  memberById: DataLoader<string, MemberEntity | null>;
}

/** Per-request loaders for accounts; other domains use them to resolve authors, owners, hosts… */
@Injectable()
export class AccountsLoaderFactory implements LoaderFactory<AccountsLoaders> {
  constructor(private readonly repo: MemberRepository) {}

  createLoaders(): AccountsLoaders {
    return {
      memberById: new DataLoader(async (ids) => {
        const rows = await this.repo.findByIds(ids);
        const byId = new Map(rows.map((m) => [m.id, m]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    };
  }
}
