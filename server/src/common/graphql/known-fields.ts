import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

const KNOWN = Symbol('known fields');

type WithKnown = { [KNOWN]?: Record<string, unknown> };

/**
 * Gives `parent` the values of some of its resolved fields, read already with it (a list's statement reads
 * each idea's author and the viewer's vote): those fields answer with them instead of calling their
 * resolver. Only for fields without arguments, and only with the value their resolver would give.
 */
export function withKnownFields<T extends object>(parent: T, known: Record<string, unknown>): T {
  (parent as T & WithKnown)[KNOWN] = known;
  return parent;
}

/**
 * Every resolved field without arguments first answers with a value its parent already knows
 * (withKnownFields), and only otherwise runs its resolver (with Nest's pipeline around it).
 */
export function answerKnownFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || field.args.length > 0) continue;
      const answer: GraphQLFieldResolver<unknown, unknown> = (parent, args, context, info) => {
        const known = (parent as WithKnown | null)?.[KNOWN];
        return known !== undefined && Object.hasOwn(known, info.fieldName)
          ? known[info.fieldName]
          : resolve(parent, args, context, info);
      };
      field.resolve = answer;
    }
  }
  return schema;
}
