/** People met, by pseudonym code, with attributes and consent (issue 3). Filled in by the participants work. */
export const participantMethods = {} as const;
