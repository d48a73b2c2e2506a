// npm run dev: the server rebuilt and restarted on change, and Vite with hot reload proxying the API.
import { spawn } from 'node:child_process';
import { buildIfStale, ROOT } from './lib.mjs';

buildIfStale();
const children = [
  spawn('npx', ['tsc', '-p', 'shared/tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
    cwd: ROOT,
    stdio: 'inherit',
  }),
  spawn('npx', ['tsc', '-p', 'server/tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
    cwd: ROOT,
    stdio: 'inherit',
  }),
  spawn(process.execPath, ['--watch-path=server/dist', 'server/dist/server/src/main.js'], {
    cwd: ROOT,
    stdio: 'inherit',
  }),
  spawn('npm', ['run', 'dev', '-w', 'web'], { cwd: ROOT, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
