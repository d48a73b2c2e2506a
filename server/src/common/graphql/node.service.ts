import { Injectable } from '@nestjs/common';
import type { RequestViewer } from '../auth/request-viewer.js';
import { fromGlobalId } from './global-id.js';

export type NodeLoader = (id: string, viewer: RequestViewer) => Promise<object | null>;

/**
 * Resolves any global ID. Each module registers a loader for its types at start-up; the loader applies
 * the same visibility rules as the module's own queries, so node(id) never shows what they would hide.
 */
@Injectable()
export class NodeService {
  private readonly loaders = new Map<string, NodeLoader>();

  register(type: string, loader: NodeLoader): void {
    this.loaders.set(type, loader);
  }

  async resolve(globalId: string, viewer: RequestViewer): Promise<object | null> {
    const parsed = fromGlobalId(globalId);
    const loader = parsed && this.loaders.get(parsed.type);
    return loader ? loader(parsed.id, viewer) : null;
  }
}
