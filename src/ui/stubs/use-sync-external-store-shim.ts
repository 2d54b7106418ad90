// react-i18next imports useSyncExternalStore from the `use-sync-external-store/shim` package, a
// fallback for React versions before 18. React 19 has it: this module hands React's own one over
// (vite.config.ts aliases the package here), which keeps the shim out of the start screen's code.
export { useSyncExternalStore } from 'react';
