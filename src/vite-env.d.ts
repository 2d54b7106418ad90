/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

/** The built-in questionnaires' names and levels, made at build time (scripts/builtin-catalog.ts). */
declare module 'virtual:fria-builtin-catalog' {
  const catalog: {
    id: string;
    version: string;
    title: Record<string, string>;
    levels: { id: string; label: Record<string, string>; color: string }[];
  }[];
  export default catalog;
}
