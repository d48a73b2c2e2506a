import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../../config/config.js';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

type Fields = Record<string, unknown>;

export type LogFormat = 'json' | 'pretty';

/** A field's value as a person reads it on one line: plain words stay, the rest as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * One JSON object per line on stdout (production, and anything that reads the logs), or in development one
 * line a person reads: `12:04:31 info  request refused code=NOT_FOUND`. Lines about a request carry its
 * `requestId`. Callers pass fields, never secrets: the logger does not know what a password looks like.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
    private readonly format: LogFormat = 'json',
  ) {}

  emit(level: Exclude<LogLevel, 'silent'>, message: string, fields: Fields = {}): void {
    if (RANK[level] < RANK[this.level]) return;
    const time = new Date().toISOString();
    if (this.format === 'pretty') {
      const rest = Object.entries(fields)
        .filter(([name, value]) => value !== undefined && name !== 'stack')
        .map(([name, value]) => `${name}=${shown(value)}`);
      const stack = typeof fields.stack === 'string' ? `\n${fields.stack}` : '';
      this.write(`${time.slice(11, 19)} ${level.padEnd(5)} ${[message, ...rest].join(' ')}${stack}\n`);
      return;
    }
    const entry = { time, level, msg: message, ...fields };
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
