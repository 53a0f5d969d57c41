/** Who did something: the authenticated subject and its role, recorded on every event. */
export const ROLES = ['borrower', 'officer', 'underwriter', 'compliance', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  sub: string;
  role: Role;
  /** Set for borrowers: the customer they are. */
  customerId?: string;
}
