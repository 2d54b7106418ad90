import { createContext, useContext, type ReactNode } from 'react';
import type { AssessmentRepository } from '../core/repository';

/** The concrete adapters, wired once in the composition root (src/main.tsx). */
export interface Services {
  repository: AssessmentRepository;
  /** Why the browser database could not be used, if it could not (the app then keeps work in memory). */
  storageProblem: string | null;
  now(): string;
  newId(): string;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesProvider missing');
  return s;
}
