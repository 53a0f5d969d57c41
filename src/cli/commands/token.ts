import { mintToken, TOKEN_ROLES, type TokenRole } from '../../api/auth/token.js';
import { loadConfig } from '../../config/config.js';
import { resolveSecrets } from '../../config/secrets.js';
import { parseCommandArgs, required } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'print a bearer token signed with the configured secret',
  usage: `lendcore token --role <${TOKEN_ROLES.join('|')}> --sub <subject> [--customer <customerId>] [--ttl 8h, at most LENDCORE_TOKEN_MAX_TTL]`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      role: { type: 'string' },
      sub: { type: 'string' },
      customer: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    });
    const role = required(values.role, 'role');
    if (!(TOKEN_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${TOKEN_ROLES.join(', ')}`);
    if (role === 'borrower' && !values.customer) throw new UsageError('a borrower token needs --customer');
    const config = loadConfig(io.env);
    const { jwtSecret } = await resolveSecrets(config);
    const request = { sub: required(values.sub, 'sub'), role: role as TokenRole, ttl: values.ttl ?? '8h', customerId: values.customer, maxTtlSeconds: config.tokenMaxTtlSeconds };
    try {
      io.out(await mintToken(request, jwtSecret));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return 0;
  },
};
