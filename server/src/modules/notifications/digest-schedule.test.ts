import { digestCutoff } from './digest-schedule.js';

const at = (iso: string) => new Date(iso);

describe('when the latest digest was due', () => {
  it('daily: today at the hour once it has passed, else yesterday', () => {
    expect(digestCutoff(at('2026-12-02T07:00:00Z'), 7, 'DAILY')).toEqual(at('2026-12-02T07:00:00Z'));
    expect(digestCutoff(at('2026-12-02T23:59:00Z'), 7, 'DAILY')).toEqual(at('2026-12-02T07:00:00Z'));
    expect(digestCutoff(at('2026-12-02T06:59:59Z'), 7, 'DAILY')).toEqual(at('2026-12-01T07:00:00Z'));
    expect(digestCutoff(at('2026-01-01T03:00:00Z'), 7, 'DAILY')).toEqual(at('2025-12-31T07:00:00Z'));
    expect(digestCutoff(at('2026-12-02T00:30:00Z'), 0, 'DAILY')).toEqual(at('2026-12-02T00:00:00Z'));
  });

  it('weekly: the last Monday at the hour', () => {
    // 2026-11-30 is a Monday.
    expect(digestCutoff(at('2026-11-30T07:00:00Z'), 7, 'WEEKLY')).toEqual(at('2026-11-30T07:00:00Z'));
    expect(digestCutoff(at('2026-12-02T12:00:00Z'), 7, 'WEEKLY')).toEqual(at('2026-11-30T07:00:00Z'));
    expect(digestCutoff(at('2026-12-06T23:00:00Z'), 7, 'WEEKLY')).toEqual(at('2026-11-30T07:00:00Z'));
    expect(digestCutoff(at('2026-11-30T06:00:00Z'), 7, 'WEEKLY')).toEqual(at('2026-11-23T07:00:00Z'));
    expect(digestCutoff(at('2026-12-07T07:30:00Z'), 7, 'WEEKLY')).toEqual(at('2026-12-07T07:00:00Z'));
  });
});
