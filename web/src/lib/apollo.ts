import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

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
      // The signed-in person has no id: one object, merged across queries.
      Viewer: { merge: true, fields: { notifications: relayStylePagination(['unreadOnly']) } },
      Query: {
        fields: {
          moderationQueue: relayStylePagination(['status']),
          moderationLog: relayStylePagination(),
          campaigns: relayStylePagination(['status', 'statuses', 'agencyId']),
        },
      },
    },
  });
}

/** The API client: same-origin /graphql, the session cookie travels with each request. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin' }),
    cache: createCache(),
  });
}
