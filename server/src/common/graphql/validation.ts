import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadInputError, type FieldMessages } from '../errors/domain-error.js';

function collect(errors: ValidationError[], prefix: string, into: FieldMessages): FieldMessages {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0 && !into[path]) into[path] = messages[0]!;
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

/** class-validator failures become BAD_USER_INPUT with `extensions.fields` (field path -> message). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadInputError(collect(errors, '', {})),
  });
}
