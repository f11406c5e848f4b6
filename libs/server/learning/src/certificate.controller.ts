import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import PDFDocument from 'pdfkit';
import { Public } from '@anyam/server/core';
import { LearningRepository } from './learning.repository';
import { LearningError } from './learning.errors';
import { HttpErrorFilter } from './http-error.filter';
import { mailLocale, MailLocale } from './learning.mail';

const TEXT: Record<MailLocale, { heading: string; certifies: string; completed: string; offeredBy: string; issued: string; verify: string }> = {
  en: { heading: 'Certificate of completion', certifies: 'This certifies that', completed: 'has completed the training module', offeredBy: 'offered by', issued: 'Issued on', verify: 'Verify at' },
  id: { heading: 'Sertifikat penyelesaian', certifies: 'Dengan ini menyatakan bahwa', completed: 'telah menyelesaikan modul pelatihan', offeredBy: 'yang diselenggarakan oleh', issued: 'Diterbitkan pada', verify: 'Verifikasi di' },
  es: { heading: 'Certificado de finalización', certifies: 'Se certifica que', completed: 'ha completado el módulo de formación', offeredBy: 'ofrecido por', issued: 'Emitido el', verify: 'Verificar en' },
  pt: { heading: 'Certificado de conclusão', certifies: 'Certificamos que', completed: 'concluiu o módulo de formação', offeredBy: 'oferecido por', issued: 'Emitido em', verify: 'Verifique em' },
};

const INTL: Record<MailLocale, string> = { en: 'en-GB', id: 'id-ID', es: 'es', pt: 'pt-BR' };

/** `GET /certificates/<code>.pdf`: the printable certificate in the member's language; public like the verification page. */
@Controller('certificates')
@UseFilters(HttpErrorFilter)
export class CertificateController {
  constructor(private readonly repo: LearningRepository) {}

  @Public()
  @Get(':file')
  async pdf(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const m = /^([0-9A-Za-z]{8,32})\.pdf$/.exec(file);
    const [c] = m ? await this.repo.certificatesOf({ code: m[1].toUpperCase() }) : [];
    if (!c) throw LearningError.certificateNotFound();
    const locale = mailLocale(c.locale);
    const t = TEXT[locale];
    const date = new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(c.issuedAt);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="certificate-${c.code}.pdf"`);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 60, info: { Title: `${t.heading} — ${c.moduleTitle}`, Author: c.hubName } });
    doc.pipe(res);
    const width = doc.page.width - 120;
    doc.rect(30, 30, doc.page.width - 60, doc.page.height - 60).lineWidth(2).stroke('#2f5d50');
    doc.moveDown(2).font('Helvetica-Bold').fontSize(30).fillColor('#2f5d50').text(t.heading, { align: 'center', width });
    doc.moveDown(1.2).font('Helvetica').fontSize(14).fillColor('#222').text(t.certifies, { align: 'center', width });
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(26).text(c.memberName, { align: 'center', width });
    doc.moveDown(0.6).font('Helvetica').fontSize(14).text(t.completed, { align: 'center', width });
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(20).text(c.moduleTitle, { align: 'center', width });
    doc.moveDown(0.6).font('Helvetica').fontSize(14).text(`${t.offeredBy} ${c.hubName}`, { align: 'center', width });
    doc.moveDown(1.5).fontSize(12).text(`${t.issued} ${date}`, { align: 'center', width });
    doc.moveDown(0.4).fontSize(10).fillColor('#555').text(`${t.verify} /verify/${c.code} · ${c.code}`, { align: 'center', width });
    doc.end();
    await new Promise<void>((resolve) => res.on('finish', () => resolve()));
  }
}
