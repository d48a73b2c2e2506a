import { Controller, Get, Header, Inject, NotFoundException, Param } from '@nestjs/common';
import Handlebars from 'handlebars';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import { mailRepository } from './mail.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const LIST = Handlebars.compile(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mail kept locally</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;margin:24px;color:#1b1b1b;line-height:1.5">
<main>
<h1>Mail kept locally</h1>
<p>No SMTP_URL is set, so Consulta keeps the mail it would send and shows the last 50 messages here, newest first. This page is never served in production.</p>
{{#if messages.length}}
<table style="border-collapse:collapse">
<caption style="text-align:left;font-weight:bold;padding:8px 0">Messages</caption>
<thead><tr><th scope="col" style="text-align:left;padding:4px 12px 4px 0">Sent</th><th scope="col" style="text-align:left;padding:4px 12px 4px 0">To</th><th scope="col" style="text-align:left;padding:4px 12px 4px 0">Subject</th><th scope="col" style="text-align:left;padding:4px 12px 4px 0">Plain text</th></tr></thead>
<tbody>
{{#each messages}}<tr><td style="padding:4px 12px 4px 0">{{time}}</td><td style="padding:4px 12px 4px 0">{{to}}</td><td style="padding:4px 12px 4px 0"><a href="/dev/mail/{{id}}">{{subject}}</a></td><td style="padding:4px 12px 4px 0"><a href="/dev/mail/{{id}}/text" aria-label="Plain text of: {{subject}}">Text</a></td></tr>
{{/each}}
</tbody>
</table>
{{else}}<p>No mail yet.</p>{{/if}}
</main>
</body>
</html>
`);

/**
 * `/dev/mail`: where a newcomer reads the mail the product sends when no SMTP_URL is set (the embedded
 * default), so signing up, verifying and resetting a password need no mail server. 404 in production and
 * wherever mail is really sent.
 */
@Controller('dev/mail')
export class DevMailboxController {
  constructor(
    private readonly database: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private check(): void {
    if (this.config.nodeEnv === 'production' || this.config.mail.smtpUrl) throw new NotFoundException();
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async list(): Promise<string> {
    this.check();
    const messages = await mailRepository.recent(this.database.dataSource, 50);
    return LIST({
      messages: messages.map((m) => ({
        id: m.id,
        to: m.to_address,
        subject: m.subject,
        time: m.created_at.toISOString().replace('T', ' ').slice(0, 19),
      })),
    });
  }

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async html(@Param('id') id: string): Promise<string> {
    return (await this.message(id)).html_body ?? '';
  }

  @Get(':id/text')
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'no-store')
  async text(@Param('id') id: string): Promise<string> {
    return (await this.message(id)).text_body ?? '';
  }

  private async message(id: string) {
    this.check();
    const mail = UUID.test(id) ? await mailRepository.find(this.database.dataSource, id) : null;
    if (!mail) throw new NotFoundException();
    return mail;
  }
}
