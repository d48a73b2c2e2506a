/** Every entity the data source knows, listed explicitly (no globs). */
export const entities: Function[] = [];
