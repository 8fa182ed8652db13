import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { LoadingState } from '../components/query-state';

/**
 * A route page in its own chunk, so the first load carries only the shell and the page it
 * opens. `pick` names the export: the feature files export by name, React.lazy wants a default.
 */
export function lazyPage<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): ComponentType<P> {
  return lazy(async () => ({ default: pick(await load()) }));
}

export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}
