import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** The API client: same-origin /graphql, the session cookie travels with each request. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin' }),
    cache: new InMemoryCache(),
  });
}
