import { createContext, useContext, useEffect, useRef } from 'react';

export interface Crumb {
  label: string;
  /** Going back up: a crumb with an action is a button. */
  onSelect?: () => void;
}

export const BreadcrumbContext = createContext<(crumbs: Crumb[]) => void>(() => {});

/**
 * Let an area add its own crumbs after "Workspace › Area" while it is shown.
 * The shell is told only when the labels change: a caller passing a fresh
 * closure every render must not make the whole shell render again (that was
 * an endless render loop on every engagement page). The latest action of each
 * crumb is read when it is chosen.
 */
export function useBreadcrumbs(crumbs: Crumb[]): void {
  const set = useContext(BreadcrumbContext);
  const latest = useRef(crumbs);
  useEffect(() => {
    latest.current = crumbs;
  });
  const key = JSON.stringify(crumbs.map((c) => [c.label, Boolean(c.onSelect)]));
  useEffect(() => {
    set(
      latest.current.map((crumb, index) =>
        crumb.onSelect ? { label: crumb.label, onSelect: () => latest.current[index]?.onSelect?.() } : { label: crumb.label },
      ),
    );
    return () => set([]);
  }, [set, key]);
}
