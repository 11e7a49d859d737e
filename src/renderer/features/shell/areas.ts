/** The areas of a workspace, in the order a review works through them. */
export const areas = [
  { id: 'engagements', label: 'Engagements', key: '1' },
  { id: 'participants', label: 'Participants', key: '2' },
  { id: 'themes', label: 'Themes', key: '3' },
  { id: 'findings', label: 'Findings', key: '4' },
  { id: 'analysis', label: 'Analysis', key: '5' },
  { id: 'report', label: 'Report', key: '6' },
  { id: 'team', label: 'Team', key: '7' },
  { id: 'backups', label: 'Backups', key: '8' },
] as const;

export type AreaId = (typeof areas)[number]['id'];

/** What each area not yet built will hold, said plainly on its screen. */
export const comingSoon: Record<Exclude<AreaId, 'engagements' | 'team' | 'report' | 'backups'>, string> = {
  participants: 'People you meet, by pseudonym code (P001…), with staff group, role, region and consent to quotation.',
  themes: 'A codebook of themes — the Topol template or your own — for tagging passages of your notes.',
  findings: 'Statements of what the evidence shows, each with its supporting passages and a confidence judgement.',
  analysis: 'Theme views, full-text search, the framework matrix and coverage of themes and staff groups.',
};
