import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { createLiveClient, createLiveLink } from './live';

/** Lists that page with "Show more": each set of filters is its own list in the cache. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Campaign: {
        fields: {
          ideas: relayStylePagination(['sort', 'tag', 'status', 'search']),
          ideasAwaitingResponse: relayStylePagination(['tag', 'status', 'search']),
          ideasOverdue: relayStylePagination(['tag', 'status', 'search']),
        },
      },
      Idea: { fields: { comments: relayStylePagination() } },
      User: { fields: { ideas: relayStylePagination(), comments: relayStylePagination() } },
      // The signed-in person has no id: one object, merged across queries.
      Viewer: { merge: true, fields: { notifications: relayStylePagination(['unreadOnly']) } },
      Query: {
        fields: {
          flaggedContent: relayStylePagination(['status']),
          moderationLog: relayStylePagination(['action', 'actorId']),
          people: relayStylePagination(['search', 'role', 'suspended']),
          searchIdeas: relayStylePagination(['query', 'campaignId']),
          campaigns: relayStylePagination(['status', 'statuses', 'agencyId']),
        },
      },
    },
  });
}

/**
 * The API client: same-origin /graphql, the session cookie travels with each request. Subscriptions go
 * over a WebSocket to the same path (graphql-ws); where none can open, they simply never start.
 */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  const http = new HttpLink({ uri, credentials: 'same-origin' });
  const live = createLiveClient(uri);
  const link = live
    ? ApolloLink.split(
        ({ query }) => {
          const definition = getMainDefinition(query);
          return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
        },
        createLiveLink(live),
        http,
      )
    : http;
  return new ApolloClient({ link, cache: createCache() });
}
