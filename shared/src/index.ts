export * from './enums.js';
export * from './limits.js';
export * from './codes.js';
export * from './markdown.js';
export * from './field-messages.js';
export * from './display-name.js';
export * from './languages.js';
export * from './csv.js';
