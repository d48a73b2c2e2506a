// The JavaScript each part of the app downloads, gzipped, from the Vite manifest of the last build.
// Citizen routes are everything the entry loads statically; the consoles are loaded on demand.
/* eslint-disable no-console -- a build step that reports its figures */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CITIZEN_BUDGET_KB = 250;
const DIST = join(dirname(dirname(fileURLToPath(import.meta.url))), 'dist');

const gzipped = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** Static closure of a manifest entry: the chunks a browser must fetch before the page runs. */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(manifest, next, seen);
  return seen;
}

export function measure() {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));
  const size = (keys) => [...keys].reduce((sum, key) => sum + gzipped(manifest[key].file), 0);
  const citizen = closure(manifest, 'index.html');
  const lazy = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([key, chunk]) => {
      const own = [...closure(manifest, key)].filter((k) => !citizen.has(k));
      return { name: chunk.name ?? key, kb: size(own) / 1024 };
    });
  return { citizenKb: size(citizen) / 1024, lazy };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { citizenKb, lazy } = measure();
  console.log(`JavaScript, gzipped: citizen routes ${citizenKb.toFixed(1)} KB (budget ${CITIZEN_BUDGET_KB} KB)`);
  for (const chunk of lazy) console.log(`  + ${chunk.name}: ${chunk.kb.toFixed(1)} KB, loaded on demand`);
  if (citizenKb > CITIZEN_BUDGET_KB) {
    console.error(`Over budget by ${(citizenKb - CITIZEN_BUDGET_KB).toFixed(1)} KB`);
    process.exit(1);
  }
}
