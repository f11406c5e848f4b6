import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { RoleGrant } from '@anyam/server/core';
import { MemberEntity } from './entities/member.entity';
import { RoleGrantEntity } from './entities/role-grant.entity';

@Injectable()
export class MemberRepository {
  constructor(
    @InjectRepository(MemberEntity) readonly members: Repository<MemberEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
  ) {}

  findById(id: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<MemberEntity[]> {
    return this.members.findBy({ id: In([...ids]) });
  }

  findByEmail(email: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ email: email.toLowerCase() });
  }

  async grantsOf(memberId: string): Promise<RoleGrant[]> {
    const rows = await this.grants.find({ where: { memberId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ role: r.role, scope: r.scope, scopeId: r.scopeId }));
  }
}
