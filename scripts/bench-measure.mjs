// What one bench run costs, beside its latencies: the server process's CPU time, the database's CPU time (its
// postmaster and every process under it, read from /proc, so the database must run on this machine), the
// statements it ran (pg_stat_statements, when the cluster loads it) and the server's peak resident memory.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** utime + stime of a process in ms, and its parent; null when it is gone. */
function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/**
 * The machine's CPU ticks so far, and those stolen by the hypervisor (`steal` in /proc/stat): on a virtual
 * machine whose host is busy, every figure of a run with steal is slower and costlier than the code is.
 */
function machineTicks() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The CPU ms of the postmaster and each of its children, by pid. */
function databaseCpu(postmaster) {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const cpu = cpuOf(pid);
    if (cpu && (pid === postmaster || cpu.ppid === postmaster)) byPid.set(pid, cpu.ms);
  }
  return byPid;
}

/**
 * Opens the measuring connection (to the cluster's `postgres` database, so its own statements are not
 * counted against the bench's database). `statements` is false when the cluster does not load
 * pg_stat_statements; `dbCpu` is false when the database's processes cannot be read here.
 */
export async function openMeter(adminUrl, databaseName) {
  const db = new pg.Client({ connectionString: adminUrl });
  db.on('error', () => {});
  await db.connect();
  let postmaster = null;
  try {
    const [{ data_directory: dir }] = (await db.query('SHOW data_directory')).rows;
    postmaster = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!cpuOf(postmaster)) postmaster = null;
  } catch {
    postmaster = null;
  }
  let statements = false;
  try {
    const [{ loaded }] = (
      await db.query(
        "SELECT 'pg_stat_statements' = ANY(string_to_array(current_setting('shared_preload_libraries'), ',')) AS loaded",
      )
    ).rows;
    if (loaded) {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      statements = true;
    }
  } catch {
    statements = false;
  }
  const statementCount = async () =>
    Number(
      (
        await db.query(
          `SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`,
          [databaseName],
        )
      ).rows[0].n,
    );

  return {
    statements,
    dbCpu: postmaster !== null,
    /**
     * Starts measuring the server process `pid`; the returned function ends it and answers what was spent
     * meanwhile (figuresOf turns it into the table's columns; addSpent sums several slices).
     */
    async begin(pid) {
      const server = cpuOf(pid)?.ms ?? 0;
      const database = postmaster === null ? null : databaseCpu(postmaster);
      const before = statements ? await statementCount() : 0;
      const ticks = machineTicks();
      let peak = rssMb(pid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
      return async () => {
        clearInterval(sampler);
        const after = machineTicks();
        let dbMs = null;
        if (database) {
          dbMs = 0;
          for (const [process, ms] of databaseCpu(postmaster)) dbMs += ms - (database.get(process) ?? 0);
        }
        return {
          serverMs: (cpuOf(pid)?.ms ?? server) - server,
          dbMs,
          statements: statements ? (await statementCount()) - before : null,
          peak: Math.max(peak, rssMb(pid)),
          stealTicks: ticks && after ? after.steal - ticks.steal : null,
          ticks: ticks && after ? after.total - ticks.total : null,
        };
      };
    },
    close: () => db.end(),
  };
}

/** Two measures of spending (from begin) as one, as if measured in one run. */
export function addSpent(a, b) {
  if (!a) return b;
  const sum = (x, y) => (x === null || y === null ? null : x + y);
  return {
    serverMs: a.serverMs + b.serverMs,
    dbMs: sum(a.dbMs, b.dbMs),
    statements: sum(a.statements, b.statements),
    peak: Math.max(a.peak, b.peak),
    stealTicks: sum(a.stealTicks, b.stealTicks),
    ticks: sum(a.ticks, b.ticks),
  };
}

/** The table's cost columns for `requests` requests that spent `spent`. */
export function figuresOf(spent, requests) {
  if (!spent) return {};
  const per = (value) => (requests > 0 ? value / requests : 0).toFixed(2);
  const figures = { 'server CPU ms/req': per(spent.serverMs) };
  if (spent.dbMs !== null) figures['DB CPU ms/req'] = per(spent.dbMs);
  if (spent.statements !== null) figures['statements/req'] = per(spent.statements);
  figures['peak RSS MB'] = Math.round(spent.peak);
  if (spent.ticks) figures['steal %'] = ((100 * spent.stealTicks) / spent.ticks).toFixed(1);
  return figures;
}
