import { Global, Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { MailResolver } from './mail.resolver.js';
import { MailService } from './mail.service.js';

/** Outgoing mail, for every module that tells people something (global: a lower layer like the job queue). */
@Global()
@Module({ controllers: [DevMailboxController], providers: [MailService, MailResolver], exports: [MailService] })
export class MailModule {}
