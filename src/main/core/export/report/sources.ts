/**
 * What the report is built from, as plain data read from the core's services
 * (`readReportSources`). Kept apart from the builder so the builder is a pure
 * function that tests can feed directly.
 */
import type Database from 'better-sqlite3';
import type { Engagement, EngagementTypeInfo } from '../../../../shared/domain/engagement';
import type { ConsentParticipant } from '../consent';
import { listConsentParticipants } from '../../services/participants';
import { unknownSpeakersOf } from '../../services/unknownSpeakers';
import { listEngagements, listEngagementTypes } from '../../services/engagements';
import { listThemes } from '../../services/themes';
import { countCodedPassages, listReviewerNames, participantCountsByEngagement } from '../../store/reportReads';
import type { ThemeListItem } from '../../../../shared/domain/theme';

export interface SourcePassage {
  passageId: string;
  state: 'attached' | 'detached' | 'deleted';
  quotedText: string;
  participantId: string | null;
  keyQuote: boolean;
  source: { engagementTitle: string; engagementType: string; organisation: string; date: string } | null;
}

export interface SourceFinding {
  id: string;
  number: number;
  statement: string;
  status: 'draft' | 'agreed';
  themeIds: string[];
  confidence: 'high' | 'moderate' | 'low' | 'very_low' | null;
  explanation: string;
  components: { label: string; concern: string | null; note: string }[];
  spread: { passages: number; participants: number; staffGroups: number; engagements: number };
  passages: SourcePassage[];
}

export interface SourceRecommendationGroup {
  name: string;
  recommendations: { number: number; text: string; findingIds: string[] }[];
}

export interface SourceMatrix {
  dimensionLabel: string;
  columns: { key: string; label: string }[];
  rows: { themeId: string; name: string; depth: number; total: number; cells: Record<string, number> }[];
  totals: Record<string, number>;
  grandTotal: number;
  summaries: { themeId: string; value: string; text: string }[];
}

export interface ReportSources {
  workspaceName: string;
  engagements: Engagement[];
  engagementTypes: EngagementTypeInfo[];
  /** Participants met in each engagement, by engagement id. */
  participantsByEngagement: Map<string, number>;
  people: ConsentParticipant[];
  /** Passages said by a speaker code linked to nobody, with the code: withheld (services/unknownSpeakers.ts). */
  unlinkedSpeakers: Map<string, string>;
  reviewers: string[];
  themes: ThemeListItem[];
  /** Findings in report order (codebook order of their first theme, then their own order). */
  findings: SourceFinding[];
  recommendations: SourceRecommendationGroup[];
  matrix: SourceMatrix | null;
  passageCount: number;
}

/** What the findings engineer's services give; absent until they land (then wired in readReportSources). */
export interface FindingSources {
  findings: SourceFinding[];
  recommendations: SourceRecommendationGroup[];
  matrix: SourceMatrix | null;
}

export function readReportSources(db: Database.Database, workspaceName: string, findings: FindingSources): ReportSources {
  const themes = listThemes(db);
  return {
    workspaceName,
    engagements: listEngagements(db, { sort: 'date_asc' }),
    engagementTypes: listEngagementTypes(db),
    participantsByEngagement: participantCountsByEngagement(db),
    people: listConsentParticipants(db),
    unlinkedSpeakers: unknownSpeakersOf(db),
    reviewers: listReviewerNames(db),
    themes,
    ...findings,
    passageCount: countCodedPassages(db),
  };
}
