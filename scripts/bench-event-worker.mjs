// A worker process for `npm run bench`: the built app with its workers on and one more subscriber that does
// nothing with IdeaVoted events, so the benchmark measures the dispatch itself (relay, queue, delivery rows).
// Prints "ready" once the subscriber's workers run. Started by scripts/bench.mjs; not for other use.
const { createApp } = await import('../server/dist/server/src/app.factory.js');
const { loadConfigOrExit } = await import('../server/dist/server/src/config/config.js');
const { JsonLogger } = await import('../server/dist/server/src/common/logging/json-logger.js');
const { EventDispatcher } = await import('../server/dist/server/src/events/event-dispatcher.service.js');
const { JobQueueService } = await import('../server/dist/server/src/jobs/job-queue.service.js');

const config = { ...loadConfigOrExit(), workers: true, seedDemo: false, webDist: '/nonexistent' };
const app = await createApp(config, process.env.DATABASE_URL, new JsonLogger('error'));
await app.get(JobQueueService).started();
await app.get(EventDispatcher).subscribe({ name: 'bench-noop', types: ['IdeaVoted'], handle: async () => {} });
process.stdout.write('ready\n');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
