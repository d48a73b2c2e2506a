import { gql, type TypedDocumentNode } from '@apollo/client';

export const API_STATUS: TypedDocumentNode<{ __typename: 'Query' }> = gql`
  query ApiStatus {
    __typename
  }
`;
