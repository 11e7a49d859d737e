import { useEffect, useState } from 'react';
import type { AnalysisReviewer } from '../../../shared/domain/analysis';
import { api } from '../../api/client';
import { useThemeIndex } from '../themes/useThemeIndex';
import { useEngagementTypes } from '../engagements/useEngagementTypes';

/** What the filters and chips need: engagement types, reviewers, and the codebook by id. */
export function useAnalysisOptions() {
  const { types, labelOf } = useEngagementTypes();
  const [reviewers, setReviewers] = useState<AnalysisReviewer[]>([]);
  const [themesVersion, setThemesVersion] = useState(0);
  const themes = useThemeIndex(themesVersion);
  useEffect(() => {
    let current = true;
    void api()
      .call('analysis.reviewers', {})
      .then((r) => current && r.ok && setReviewers(r.value));
    return () => {
      current = false;
    };
  }, []);
  return { types, typeLabel: labelOf, reviewers, themes, reloadThemes: () => setThemesVersion((v) => v + 1) };
}

export type AnalysisOptions = ReturnType<typeof useAnalysisOptions>;
