// The documents are in profile.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { PersonProfileDocument as PERSON_PROFILE } from '../../../gql/graphql';
