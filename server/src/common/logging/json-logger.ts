import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../../config/config.js';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

type Fields = Record<string, unknown>;

/**
 * One JSON object per line on stdout. Lines about a request carry its `requestId` among their fields.
 * Callers pass fields, never secrets: the logger does not know what a password looks like.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  emit(level: Exclude<LogLevel, 'silent'>, message: string, fields: Fields = {}): void {
    if (RANK[level] < RANK[this.level]) return;
    const entry = { time: new Date().toISOString(), level, msg: message, ...fields };
    this.write(`${JSON.stringify(entry)}\n`);
  }

  log(message: unknown, context?: string): void {
    this.emit('info', String(message), context ? { context } : {});
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    const fields: Fields = {};
    if (context) fields.context = context;
    if (stackOrContext && context) fields.stack = stackOrContext;
    else if (stackOrContext) fields.context = stackOrContext;
    if (message instanceof Error) {
      fields.stack = message.stack;
      this.emit('error', message.message, fields);
      return;
    }
    this.emit('error', String(message), fields);
  }

  warn(message: unknown, context?: string): void {
    this.emit('warn', String(message), context ? { context } : {});
  }

  debug(message: unknown, context?: string): void {
    this.emit('debug', String(message), context ? { context } : {});
  }

  verbose(message: unknown, context?: string): void {
    this.emit('debug', String(message), context ? { context } : {});
  }
}
