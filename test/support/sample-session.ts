/** A realistic answered session shared by the report tests. */
export const answeredSession = {
  version: 1,
  team: 'Payments Platform',
  date: '2024-03-05',
  symptoms: ['fear-of-deploying', 'slow-recovery', 'change-management-overhead'],
  answers: { 'deploy-automated': 'no', 'rollback-practiced': 'no', 'change-board-approval': 'yes', 'pipeline-exists': 'no' },
  notes: 'Raised in the March retrospective.',
} as const;
