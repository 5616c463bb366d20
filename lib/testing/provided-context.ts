// Values the vitest global setup hands to test workers (provide/inject).
declare module "vitest" {
  export interface ProvidedContext {
    /** URL of an admin database (e.g. `postgres`) on the server tests create their databases in. */
    databaseAdminUrl: string;
    /** A database with every migration applied, which createTestDatabase copies (never connected to). */
    migratedTemplate: string;
  }
}

export {};
