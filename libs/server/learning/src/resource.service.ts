import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AppConfig, AppError, MemberActor } from '@anyam/server/core';
import { LessonResourceEntity } from './entities/lesson.entity';
import { AuthoringService } from './authoring.service';
import { LearningPolicy } from './learning.policy';
import { LEARNING_LIMITS, LearningError, LearningReason } from './learning.errors';
import { isUuid } from './learning.validation';

/** What lessons may carry, by extension: the media type served back and the file's first bytes. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const RESOURCE_TYPES: Record<string, { mediaType: string; magic: number[] | null }> = {
  pdf: { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP },
  odp: { mediaType: 'application/vnd.oasis.opendocument.presentation', magic: ZIP },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP },
  txt: { mediaType: 'text/plain; charset=utf-8', magic: null },
  csv: { mediaType: 'text/csv; charset=utf-8', magic: null },
  md: { mediaType: 'text/markdown; charset=utf-8', magic: null },
};

/** A file name safe to show and to put in a Content-Disposition header. */
export function cleanFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).normalize('NFC');
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>:|?*\\/]/g, '_').replace(/\s+/g, ' ').trim();
  return (cleaned || 'file').slice(-200);
}

/** Lesson resources on disk (`UPLOAD_DIR`, by default `<ANYAM_HOME>/uploads`), with their rows in the database. */
@Injectable()
export class ResourceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly authoring: AuthoringService,
  ) {}

  static url(r: Pick<LessonResourceEntity, 'id' | 'fileName'>): string {
    return `/files/lesson-resources/${r.id}/${encodeURIComponent(r.fileName)}`;
  }

  get dir(): string {
    return path.join(this.config.uploadDir, 'lesson-resources');
  }

  /** Checks type (extension and first bytes) and size, then stores the file. Editors of the module only. */
  async upload(actor: MemberActor, lessonId: string, file: { originalname: string; buffer: Buffer; size: number } | undefined): Promise<LessonResourceEntity> {
    if (!isUuid(lessonId)) throw LearningError.lessonNotFound();
    const { lesson, module } = await this.authoring.lesson(actor, lessonId);
    LearningPolicy.assertCanEditModule(actor, module.module, module.facts);
    if (!file || file.size === 0) throw LearningError.empty('file');
    if (file.size > LEARNING_LIMITS.uploadMaxBytes) throw AppError.badInput('file', LearningReason.FileTooLarge, 'Files can be at most 10 MB.');
    const fileName = cleanFileName(file.originalname);
    const ext = path.extname(fileName).slice(1).toLowerCase();
    const type = RESOURCE_TYPES[ext];
    const head = [...file.buffer.subarray(0, 8)];
    const textual = type && !type.magic && !file.buffer.subarray(0, 4096).includes(0);
    if (!type || (type.magic ? !type.magic.every((b, i) => head[i] === b) : !textual)) {
      throw AppError.badInput('file', LearningReason.FileType, `Allowed files: ${Object.keys(RESOURCE_TYPES).join(', ')}.`);
    }
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM learning_lesson_resources WHERE lesson_id = $1`, [lesson.id]);
    if (count >= LEARNING_LIMITS.resourcesPerLessonMax) throw LearningError.tooMany('file', LEARNING_LIMITS.resourcesPerLessonMax);
    const storageKey = randomUUID();
    await fs.mkdir(this.dir, { recursive: true });
    await fs.writeFile(path.join(this.dir, storageKey), file.buffer, { flag: 'wx' });
    try {
      const repo = this.db.getRepository(LessonResourceEntity);
      return await repo.save(repo.create({ lessonId: lesson.id, fileName, mediaType: type.mediaType, sizeBytes: file.size, storageKey, uploadedById: actor.memberId }));
    } catch (e) {
      await fs.rm(path.join(this.dir, storageKey), { force: true });
      throw e;
    }
  }

  /** A resource the actor may read (its lesson's content), with the file's path. */
  async readable(actor: Actor, id: string): Promise<{ resource: LessonResourceEntity; file: string }> {
    const resource = isUuid(id) ? await this.db.getRepository(LessonResourceEntity).findOneBy({ id }) : null;
    if (!resource) throw LearningError.resourceNotFound();
    const { module } = await this.authoring.lesson(actor, resource.lessonId).catch(() => {
      throw LearningError.resourceNotFound();
    });
    if (!LearningPolicy.canReadLessons(actor, module.module, module.facts)) throw LearningError.resourceNotFound();
    return { resource, file: path.join(this.dir, resource.storageKey) };
  }

  /** Returns the lesson's id. */
  async delete(actor: MemberActor, id: string): Promise<string> {
    const resource = isUuid(id) ? await this.db.getRepository(LessonResourceEntity).findOneBy({ id }) : null;
    if (!resource) throw LearningError.resourceNotFound();
    const { module } = await this.authoring.lesson(actor, resource.lessonId);
    LearningPolicy.assertCanEditModule(actor, module.module, module.facts);
    await this.db.query(`DELETE FROM learning_lesson_resources WHERE id = $1`, [id]);
    await fs.rm(path.join(this.dir, resource.storageKey), { force: true });
    return resource.lessonId;
  }
}
