import { LegalPageName } from '@consulta/shared';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('LegalPage', { description: 'A legal page of the deployment: privacy, terms of use, accessibility.' })
export class LegalPageObject {
  @Field(() => LegalPageName)
  page: LegalPageName;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'Rendered from the deployment’s Markdown and sanitized.' })
  bodyHtml: string;

  @Field(() => String, { description: 'The language of the text: the one asked for, or English when it has none.' })
  language: string;

  @Field(() => Boolean, { description: 'False while the deployment shows Consulta’s default text.' })
  provided: boolean;
}
