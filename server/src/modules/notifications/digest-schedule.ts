/**
 * When the latest digest of a frequency was due: DAILY, the last `hourUtc`:00 UTC at or before `now`;
 * WEEKLY, the last Monday at that hour. A digest takes what waited for it since before that moment, so
 * one missed while the process was down goes out at the next check, and nothing goes twice.
 */
export function digestCutoff(now: Date, hourUtc: number, frequency: 'DAILY' | 'WEEKLY'): Date {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (cutoff > now) cutoff.setUTCDate(cutoff.getUTCDate() - 1);
  if (frequency === 'WEEKLY') {
    // getUTCDay: 0 is Sunday, 1 Monday.
    cutoff.setUTCDate(cutoff.getUTCDate() - ((cutoff.getUTCDay() + 6) % 7));
  }
  return cutoff;
}
