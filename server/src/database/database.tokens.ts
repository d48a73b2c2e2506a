export const DATA_SOURCE = Symbol('DATA_SOURCE');
/** The database URL the application connects to (the embedded cluster's when none is configured). */
export const DATABASE_URL = Symbol('DATABASE_URL');
