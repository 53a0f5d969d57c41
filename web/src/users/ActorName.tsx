import { useT, type MessageKey } from '../i18n/i18n';
import { useStaffNames } from './staff-names';

/**
 * Who recorded or asked for something: the staff member's name (their id on hover, as the audit search takes it)
 * and, when given, the role they acted in; the id itself where it names no staff account of this server
 * (a minted token, an OIDC subject, the system).
 */
export function ActorName({ sub, role }: { sub: string; role?: string | undefined }) {
  const t = useT();
  const name = useStaffNames().get(sub);
  return (
    <span title={name === undefined ? undefined : sub} data-testid="actor-name">
      {name ?? sub}{role === undefined ? null : ` (${t(`role.${role}` as MessageKey)})`}
    </span>
  );
}
