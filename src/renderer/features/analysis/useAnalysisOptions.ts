import type { AnalysisReviewer } from '../../../shared/domain/analysis';
import { useQuery } from '../../api/queries';
import { useEngagementTypes } from '../engagements/useEngagementTypes';
import { useThemeIndex } from '../themes/useThemeIndex';

const NO_REVIEWERS: AnalysisReviewer[] = [];

/** What the filters and chips need: engagement types, reviewers, and the codebook by id. */
export function useAnalysisOptions() {
  const { types, labelOf } = useEngagementTypes();
  const { data: reviewers = NO_REVIEWERS } = useQuery('analysis.reviewers', {});
  const themes = useThemeIndex();
  return { types, typeLabel: labelOf, reviewers, themes };
}

export type AnalysisOptions = ReturnType<typeof useAnalysisOptions>;
