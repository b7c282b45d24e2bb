/** How a consultation happens: at the centre, or by video. */
export const SESSION_TYPES = ['IN_PERSON', 'ONLINE'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export function isSessionType(value: unknown): value is SessionType {
  return SESSION_TYPES.includes(value as SessionType);
}
