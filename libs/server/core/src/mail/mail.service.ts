import { Injectable, Logger } from '@nestjs/common';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail through SMTP_URL, or, without it, writes each message to MAIL_DIR as an .eml file (to open
 * in any mail program) plus a .txt copy a person can read in a terminal.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    if (this.config.SMTP_URL) return;
    const dir = this.config.mailDir;
    await fs.mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const base = path.join(dir, `${stamp}-${mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_')}`);
    await fs.writeFile(`${base}.eml`, (info as unknown as { message: Buffer }).message);
    await fs.writeFile(`${base}.txt`, `To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    this.logger.log(`Mail to ${mail.to} written to ${base}.txt`);
  }
}
