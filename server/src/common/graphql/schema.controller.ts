import { Controller, Get, Header } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';

/** `GET /developers/schema.graphql`: the API's schema as SDL, for code generators and readers. */
@Controller('developers')
export class SchemaController {
  private sdl: string | undefined;

  constructor(private readonly modules: ModuleRef) {}

  @Get('schema.graphql')
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('content-disposition', 'inline; filename="consulta-schema.graphql"')
  @Header('access-control-allow-origin', '*')
  schema(): string {
    // The schema exists once the GraphQL module has started: looked up then, from wherever it lives.
    this.sdl ??= `${printSchema(this.modules.get(GraphQLSchemaHost, { strict: false }).schema)}\n`;
    return this.sdl;
  }
}
