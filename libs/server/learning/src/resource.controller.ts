import { createReadStream } from 'node:fs';
import { Controller, Get, Param, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import type { Request, Response } from 'express';
import { Actor, ANONYMOUS, MemberActor, Public, RequirePermission } from '@anyam/server/core';
import { Permission } from '@anyam/shared/domain';
import { ResourceService } from './resource.service';
import { LEARNING_LIMITS } from './learning.errors';
import { HttpErrorFilter } from './http-error.filter';

type WithActor = Request & { actor?: Actor };

/**
 * Lesson resources over HTTP, with the same Bearer token as GraphQL:
 * `POST /files/lessons/<lessonId>/resources` (multipart, field `file`) for the module's editors, and
 * `GET /files/lesson-resources/<id>/<name>` for whoever may read the lesson.
 */
@Controller('files')
@UseFilters(HttpErrorFilter)
export class ResourceController {
  constructor(private readonly resources: ResourceService) {}

  @RequirePermission(Permission.FacilitateHub)
  @Post('lessons/:lessonId/resources')
  @UseInterceptors(
    FileInterceptor('file', {
      storage: memoryStorage(),
      limits: { fileSize: LEARNING_LIMITS.uploadMaxBytes, files: 1, fields: 5 },
      // File names are UTF-8 (busboy's default would read them as Latin-1: "año" → "aÃ±o").
      ...({ defParamCharset: 'utf8' } as object),
    }),
  )
  async upload(@Param('lessonId') lessonId: string, @UploadedFile() file: Express.Multer.File | undefined, @Req() req: WithActor) {
    const r = await this.resources.upload(req.actor as MemberActor, lessonId, file);
    return { id: r.id, fileName: r.fileName, mediaType: r.mediaType, sizeBytes: r.sizeBytes, url: ResourceService.url(r), createdAt: r.createdAt };
  }

  @Public()
  @Get('lesson-resources/:id/:name')
  async download(@Param('id') id: string, @Req() req: WithActor, @Res() res: Response): Promise<void> {
    const { resource, file } = await this.resources.readable(req.actor ?? ANONYMOUS, id);
    res.setHeader('Content-Type', resource.mediaType);
    res.setHeader('Content-Length', String(resource.sizeBytes));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(resource.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, max-age=3600');
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file);
      stream.on('error', reject);
      stream.on('end', () => resolve());
      stream.pipe(res);
    });
  }
}
