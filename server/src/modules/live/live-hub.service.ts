import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { systemViewer } from '../../common/auth/request-viewer.js';
import { BusService } from '../../common/bus/bus.service.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { JsonLogger } from '../../common/logging/json-logger.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { mapIdea, type IdeaObject } from '../ideas/idea.object.js';
import { IdeasService } from '../ideas/ideas.service.js';
import type { NotificationObject } from '../notifications/notification.object.js';
import type { LiveConnection } from './live-connection.js';
import { LiveFeed } from './live-feed.js';

interface Watcher<T> {
  connection: LiveConnection;
  feed: LiveFeed<T>;
}

/** Adds `watcher` under `key`, and takes it away again when its feed ends. */
function enter<T>(index: Map<string, Set<Watcher<T>>>, key: string, watcher: Watcher<T>): void {
  let watchers = index.get(key);
  if (!watchers) index.set(key, (watchers = new Set()));
  watchers.add(watcher);
}

function leave<T>(index: Map<string, Set<Watcher<T>>>, key: string, watcher: Watcher<T>): void {
  const watchers = index.get(key);
  watchers?.delete(watcher);
  if (watchers?.size === 0) index.delete(key);
}

/**
 * This process's subscriptions, fed by the bus. A change to an idea is read once from the database, then
 * each watcher gets it only if the one visibility rule (IdeasService.canSee) lets its viewer see it now;
 * a watcher of that idea who may no longer see it is ended. Changes to one idea are coalesced: at most
 * one read and one update per LIVE_COALESCE_MS, the last with the latest counts.
 */
@Injectable()
export class LiveHubService implements OnModuleInit, OnApplicationShutdown {
  private readonly byIdea = new Map<string, Set<Watcher<IdeaObject>>>();
  private readonly byCampaign = new Map<string, Set<Watcher<IdeaObject>>>();
  private readonly byPerson = new Map<string, Set<Watcher<NotificationObject>>>();
  private readonly held = new Map<string, { again: boolean; campaignId: string; timer: NodeJS.Timeout }>();

  constructor(
    private readonly bus: BusService,
    private readonly ideas: IdeasService,
    private readonly nodes: NodeService,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.bus.listen((message) => {
      if (message.t === 'idea') this.ideaChanged(message.ideaId, message.campaignId);
      if (message.t === 'notification') void this.notify(message.userId, message.notificationId);
    });
  }

  watchIdea(connection: LiveConnection, ideaId: string): LiveFeed<IdeaObject> {
    return this.watch(connection, this.byIdea, ideaId);
  }

  watchCampaign(connection: LiveConnection, campaignId: string): LiveFeed<IdeaObject> {
    return this.watch(connection, this.byCampaign, campaignId);
  }

  watchNotifications(connection: LiveConnection, userId: string): LiveFeed<NotificationObject> {
    return this.watch(connection, this.byPerson, userId);
  }

  /** How many subscriptions this process holds (for the bench). */
  get size(): number {
    let n = 0;
    for (const index of [this.byIdea, this.byCampaign, this.byPerson]) for (const set of index.values()) n += set.size;
    return n;
  }

  private watch<T>(connection: LiveConnection, index: Map<string, Set<Watcher<T>>>, key: string): LiveFeed<T> {
    const watcher: Watcher<T> = {
      connection,
      feed: new LiveFeed<T>(() => {
        leave(index, key, watcher);
        connection.feeds.delete(watcher.feed as LiveFeed<unknown>);
        connection.watchIdle(this.config.live.idleSeconds * 1000);
      }),
    };
    enter(index, key, watcher);
    connection.feeds.add(watcher.feed as LiveFeed<unknown>);
    connection.watchIdle(this.config.live.idleSeconds * 1000);
    return watcher.feed;
  }

  private ideaChanged(ideaId: string, campaignId: string): void {
    if (!this.byIdea.has(ideaId) && !this.byCampaign.has(campaignId)) return;
    const held = this.held.get(ideaId);
    if (held) {
      held.again = true;
      return;
    }
    const timer = setTimeout(() => {
      const released = this.held.get(ideaId);
      this.held.delete(ideaId);
      if (released?.again) this.ideaChanged(ideaId, released.campaignId);
    }, this.config.live.coalesceMs);
    this.held.set(ideaId, { again: false, campaignId, timer });
    void this.sendIdea(ideaId, campaignId).catch((error: Error) =>
      this.logger.emit('warn', 'live update not sent', { ideaId, error: error.message }),
    );
  }

  private async sendIdea(ideaId: string, campaignId: string): Promise<void> {
    const watchers = [...(this.byIdea.get(ideaId) ?? []), ...(this.byCampaign.get(campaignId) ?? [])];
    if (watchers.length === 0) return;
    const found = await this.ideas.findVisible(systemViewer(), ideaId);
    if (!found) return;
    const idea = mapIdea(found.idea);
    const ofThisIdea = this.byIdea.get(ideaId);
    await Promise.all(
      watchers.map(async (watcher) => {
        if (await this.ideas.canSee(watcher.connection.viewer, found.idea, found.campaign)) watcher.feed.push(idea);
        else if (ofThisIdea?.has(watcher)) watcher.feed.end();
      }),
    );
  }

  /** A person's new notification, read through the notifications' own rule for each of their connections. */
  private async notify(userId: string, notificationId: string): Promise<void> {
    const watchers = this.byPerson.get(userId);
    if (!watchers) return;
    for (const watcher of [...watchers]) {
      const notification = await this.nodes.resolve(
        toGlobalId('Notification', notificationId),
        watcher.connection.viewer,
      );
      if (notification) watcher.feed.push(notification as NotificationObject);
    }
  }

  onApplicationShutdown(): void {
    for (const held of this.held.values()) clearTimeout(held.timer);
    this.held.clear();
  }
}
