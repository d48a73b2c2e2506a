import { Module } from '@nestjs/common';
import { LegalResolver } from './legal.resolver.js';
import { LegalService } from './legal.service.js';

/** The legal pages: privacy notice, terms of use and accessibility statement. */
@Module({ providers: [LegalService, LegalResolver] })
export class LegalModule {}
