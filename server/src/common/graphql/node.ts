import { Field, ID, InterfaceType, ObjectType, type ObjectTypeOptions } from '@nestjs/graphql';

const TYPE_NAMES = new Map<Function, string>();

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque ID that node(id:) resolves.',
  resolveType: (value: object) => TYPE_NAMES.get(value.constructor),
})
export abstract class Node {
  @Field(() => ID)
  id: string;
}

/** Declares an object type that implements Node, so the interface can tell which type a value is. */
export function NodeType(name: string, options: Omit<ObjectTypeOptions, 'implements'> = {}): ClassDecorator {
  return (target) => {
    TYPE_NAMES.set(target, name);
    ObjectType(name, { ...options, implements: () => [Node] })(target);
  };
}
