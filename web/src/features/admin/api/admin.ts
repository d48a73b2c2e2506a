// The documents are in admin.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  AgenciesDocument as AGENCIES,
  CreateAgencyDocument as CREATE_AGENCY,
  AddAgencyMemberDocument as ADD_MEMBER,
  UserByEmailDocument as USER_BY_EMAIL,
  SetUserRoleDocument as SET_ROLE,
  FailedMailDocument as FAILED_MAIL,
  PeopleDocument as PEOPLE,
  UpdateAgencyDocument as UPDATE_AGENCY,
  RemoveAgencyMemberDocument as REMOVE_MEMBER,
} from '../../../gql/graphql';
