import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MailRow } from './mail.repository.js';

@ObjectType('OutgoingMail', { description: 'A message the product sent or tried to send (for admins).' })
export class OutgoingMailObject {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'VERIFY_EMAIL, RESET_PASSWORD, CHANGE_EMAIL, NOTIFICATION, DIGEST...' })
  kind: string;

  @Field(() => String)
  to: string;

  @Field(() => String)
  subject: string;

  @Field(() => String, { description: 'QUEUED, SENT or FAILED.' })
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true, description: "The mail server's last answer, when it refused." })
  lastError: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

export const mapMail = (row: MailRow): OutgoingMailObject =>
  Object.assign(new OutgoingMailObject(), {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
  });
