import { createContext, useContext, useEffect } from 'react';

export interface Crumb {
  label: string;
  /** Going back up: a crumb with an action is a button. */
  onSelect?: () => void;
}

export const BreadcrumbContext = createContext<(crumbs: Crumb[]) => void>(() => {});

/** Let an area add its own crumbs after "Workspace › Area" while it is shown. */
export function useBreadcrumbs(crumbs: Crumb[]): void {
  const set = useContext(BreadcrumbContext);
  useEffect(() => {
    set(crumbs);
    return () => set([]);
  }, [set, crumbs]);
}
