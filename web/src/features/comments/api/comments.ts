// The documents are in comments.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  IdeaCommentsDocument as IDEA_COMMENTS,
  CommentRepliesDocument as COMMENT_REPLIES,
  AddCommentDocument as ADD_COMMENT,
  EditCommentDocument as EDIT_COMMENT,
  DeleteCommentDocument as DELETE_COMMENT,
} from '../../../gql/graphql';
