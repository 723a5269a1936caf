/** The audit table's columns; a width of null shares what is left. */
export const auditColumns = [
  { id: 'time', header: 'Time', width: 160 },
  { id: 'actor', header: 'Actor', width: 140 },
  { id: 'action', header: 'Action', width: 190 },
  { id: 'target', header: 'Target', width: null },
  { id: 'change', header: 'Before → after', width: 150 },
  { id: 'outcome', header: 'Outcome', width: 118 },
  { id: 'latency', header: 'Latency', width: 70 },
  { id: 'reason', header: 'Reason', width: null },
] as const;
