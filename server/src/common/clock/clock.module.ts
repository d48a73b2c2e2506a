import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { TestClockController } from './test-clock.controller.js';

@Global()
@Module({ providers: [Clock], controllers: [TestClockController], exports: [Clock] })
export class ClockModule {}
