/** A column of a published table, as the Data Package describes it (Table Schema types). */
export interface FieldSpec {
  name: string;
  type: 'string' | 'integer' | 'datetime' | 'date';
  description: string;
}

/** A published table: its file name (`<name>.csv`), title and columns, in order. */
export interface ResourceSpec {
  name: string;
  title: string;
  description: string;
  fields: FieldSpec[];
}

const f = (name: string, type: FieldSpec['type'], description: string): FieldSpec => ({ name, type, description });
const ID = (what: string) => f('id', 'string', `The ${what}'s global ID, as the GraphQL API gives it.`);

/** Every table the open data publishes. */
export const RESOURCES: ResourceSpec[] = [
  {
    name: 'campaigns',
    title: 'Consultations',
    description: 'Every public consultation (drafts are not published).',
    fields: [
      ID('campaign'),
      f('slug', 'string', 'Its address on the site: /campaigns/<slug>.'),
      f('title', 'string', 'The question asked.'),
      f('summary', 'string', 'One paragraph about it.'),
      f('agency', 'string', 'The agency that runs it.'),
      f('status', 'string', 'OPEN, CLOSED or ARCHIVED (an OPEN one past its closing time is CLOSED).'),
      f('voting_mode', 'string', 'SUPPORT (+1 only) or UP_DOWN (+1 or -1).'),
      f('opens_at', 'datetime', 'When it opens, if set.'),
      f('closes_at', 'datetime', 'When it closes or closed, if set.'),
      f('response_threshold', 'integer', 'Score at which an idea is owed an official answer, if any.'),
      f('response_days', 'integer', 'Days the agency commits to answer within, if any.'),
      f('idea_count', 'integer', 'Ideas listed.'),
      f('participant_count', 'integer', 'People who took part.'),
      f('created_at', 'datetime', 'When it was made.'),
    ],
  },
  {
    name: 'ideas',
    title: 'Ideas',
    description: 'Every listed idea of a public consultation (hidden and withdrawn ones are not published).',
    fields: [
      ID('idea'),
      f('campaign_id', 'string', 'The consultation it belongs to (campaigns.id).'),
      f('title', 'string', 'Its title.'),
      f('body', 'string', 'Its text, in Markdown.'),
      f('tag', 'string', 'Its topic, if any.'),
      f('status', 'string', 'SUBMITTED, UNDER_REVIEW, ACCEPTED, IN_PROGRESS, IMPLEMENTED, REJECTED or DUPLICATE.'),
      f('author_id', 'string', 'A stable pseudonym of its author (the same person has the same one everywhere here).'),
      f('author_name', 'string', 'The display name of its author; empty once the account is deleted.'),
      f('upvotes', 'integer', 'Votes for.'),
      f('downvotes', 'integer', 'Votes against.'),
      f('score', 'integer', 'Votes for minus votes against.'),
      f('comment_count', 'integer', 'Comments not deleted.'),
      f('created_at', 'datetime', 'When it was proposed.'),
      f('updated_at', 'datetime', 'When its text or status last changed.'),
    ],
  },
  {
    name: 'official-responses',
    title: 'Official responses',
    description: "The agencies' answers to published ideas, each with the status it set.",
    fields: [
      ID('answer'),
      f('idea_id', 'string', 'The idea answered (ideas.id).'),
      f('agency', 'string', 'The agency that answered.'),
      f('official_name', 'string', 'The official who wrote it, by display name.'),
      f('previous_status', 'string', "The idea's status before the answer."),
      f('status', 'string', 'The status the answer set.'),
      f('body', 'string', 'The answer, in Markdown.'),
      f('created_at', 'datetime', 'When it was published.'),
    ],
  },
  {
    name: 'comments',
    title: 'Comments',
    description: 'Comments on published ideas (deleted and hidden ones are not published).',
    fields: [
      ID('comment'),
      f('idea_id', 'string', 'The idea it is about (ideas.id).'),
      f('parent_id', 'string', 'The comment it replies to, if any (comments.id).'),
      f('author_id', 'string', 'A stable pseudonym of its author.'),
      f('author_name', 'string', 'The display name of its author; empty once the account is deleted.'),
      f('body', 'string', 'Its text, in Markdown.'),
      f('created_at', 'datetime', 'When it was written.'),
      f('edited_at', 'datetime', 'When its author last edited it, if ever.'),
    ],
  },
  {
    name: 'votes',
    title: 'Votes per idea and day',
    description: 'Votes standing now on each published idea, counted per UTC day they were cast; never per person.',
    fields: [
      f('idea_id', 'string', 'The idea (ideas.id).'),
      f('date', 'date', 'The UTC day the votes were cast.'),
      f('up', 'integer', 'Votes for cast that day.'),
      f('down', 'integer', 'Votes against cast that day.'),
    ],
  },
];
