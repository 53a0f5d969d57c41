import { loadConfig } from '../../config/config.js';
import { IdentityStore } from '../../identity/identity-store.js';
import { revokeAllSessions } from '../../identity/revoke-sessions.js';
import { createStaff, STAFF_ROLES, type StaffRole } from '../../identity/staff-accounts.js';
import { parseCommandArgs, required } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

const USAGE = [
  `lendcore users create --role <${STAFF_ROLES.join('|')}> --username <name> [--password <password>]`,
  'lendcore users list',
  'lendcore users revoke-sessions --username <name>',
].join('\n       ');

/**
 * Staff accounts from the operator's shell, on the identity file under the data dir (the server
 * may be running; the file has a busy timeout). `create` is how the first administrator exists.
 */
export const usersCommand: CliCommand = {
  name: 'users',
  summary: 'create staff accounts (the first admin), list them, end a user\'s sessions',
  usage: USAGE,
  async run(args, io) {
    const [action, ...rest] = args;
    const { values } = parseCommandArgs(rest, { role: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' } });
    if (action !== 'create' && action !== 'list' && action !== 'revoke-sessions') throw new UsageError('expected create, list or revoke-sessions');
    const config = loadConfig(io.env);
    const identity = IdentityStore.open(config.dataDir);
    const ctx = { identity, clock: { now: () => new Date() } };
    try {
      if (action === 'list') {
        const staff = identity.users.list('staff');
        if (staff.length === 0) io.out('no staff accounts yet: create the first administrator with lendcore users create --role admin --username <name>');
        for (const u of staff) io.out([u.id, u.login.padEnd(20), u.role.padEnd(12), u.status, u.totpEnabled ? 'totp' : 'no-totp'].join('  '));
        return 0;
      }
      const username = required(values.username, 'username');
      if (action === 'revoke-sessions') {
        const user = identity.users.byLogin(username);
        if (user === null) throw new UsageError(`no user ${username}`);
        io.out(`revoked ${revokeAllSessions(ctx, user.id, 'cli', 'revoked from the command line')} session(s) of ${user.login}`);
        return 0;
      }
      const role = required(values.role, 'role');
      if (!(STAFF_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
      const { account, temporaryPassword } = await createStaff(ctx, { username, role: role as StaffRole, ...(values.password === undefined ? {} : { password: values.password }) }, 'cli');
      io.out(`created ${account.role} ${account.username} (${account.id}); at first login they set a new password and enrol TOTP`);
      if (temporaryPassword !== null && values.password === undefined) io.out(`one-time password: ${temporaryPassword}`);
      return 0;
    } finally {
      identity.close();
    }
  },
};
