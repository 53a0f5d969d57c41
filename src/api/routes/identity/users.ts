import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.js';
import { revokeAllSessions } from '../../../identity/revoke-sessions.js';
import { createStaff, resetStaff, setStaffEnabled, setStaffRole, staffView } from '../../../identity/staff-accounts.js';
import { staffContact, type StaffContact } from '../../../identity/staff-contacts.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import type { ApiPlugin } from '../../deps.js';
import { idParams } from '../../schemas/common.js';
import { createStaffBody, roleBody, staffName, staffUser } from '../../schemas/identity.js';
import { guard } from '../queries/query-schemas.js';
import { checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';
import { identityContext } from './identity-context.js';

/** Staff accounts, administrators only: list, create, change role, disable/enable, reset, end all sessions; their names, any staff role. */
export const userRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = identityContext(deps);

  app.get('/v1/users', {
    preValidation: guard('users.list'),
    schema: {
      operationId: 'usersList', tags: ['users'], summary: 'Staff accounts (admin)',
      description: 'The identity store is not fed by the event log: minPosition is accepted (400 beyond the head of the log) and needs no wait.',
      querystring: z.object({ minPosition: minPositionParam }).strict(), response: { 200: z.object({ items: z.array(staffUser) }) },
    },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    return { items: ctx.identity.users.list('staff').map((u) => staffView(ctx, u)) };
  });

  app.get('/v1/staff-names', {
    preValidation: guard('users.names'),
    schema: {
      operationId: 'usersNames', tags: ['users'], summary: 'Every staff account\'s name by user id, disabled ones included (any staff role)',
      description: 'What an actor id (`actor.sub`, `actorSub`, `requestedBy`…) stands for, so a compliance officer reading the audit trail sees who, '
        + 'without the administrators\' account list (contacts, status, enrolment). An id not listed is not a staff account of this server '
        + '(a token minted by `lendcore token`, an OIDC subject, the system). The identity store is not fed by the event log: minPosition is accepted and needs no wait.',
      querystring: z.object({ minPosition: minPositionParam }).strict(), response: { 200: z.object({ items: z.array(staffName) }) },
    },
  }, async (request) => {
    await checkMinPosition(deps, request.query.minPosition);
    return { items: ctx.identity.users.list('staff').map((u) => ({ id: u.id, name: u.login, role: u.role })) };
  });

  app.post('/v1/users', {
    preValidation: guard('users.create'),
    schema: {
      operationId: 'usersCreate', tags: ['users'], summary: 'Create a staff account; its one-time password goes to its own contact, it sets its password and enrols TOTP at first login (admin)',
      description: 'Segregation of duties: the administrator never sees the password. Problems: 400 VALIDATION_FAILED or INVALID_USERNAME, 409 USERNAME_TAKEN or CONTACT_TAKEN.',
      body: createStaffBody, response: { 201: staffUser },
    },
  }, async (request, reply) => {
    const { contact, ...account } = request.body;
    const created = await createStaff(ctx, { ...account, contact: staffContactOf(contact) }, authenticatedActor(request).sub);
    reply.status(201);
    return created.account;
  });

  app.put('/v1/users/:id/role', {
    preValidation: guard('users.setRole'),
    schema: {
      operationId: 'usersSetRole', tags: ['users'], summary: 'Grant a role (replacing the current one) and end the user\'s sessions (admin)',
      description: 'Problems: 404 USER_NOT_FOUND, 422 SELF_GRANT_REFUSED (an administrator giving itself officer, underwriter or compliance).',
      params: idParams, body: roleBody, response: { 200: staffUser },
    },
  }, async (request) => setStaffRole(ctx, request.params.id, request.body.role, authenticatedActor(request).sub));

  for (const [action, enabled] of [['disable', false], ['enable', true]] as const) {
    app.post(`/v1/users/:id/${action}`, {
      preValidation: guard(enabled ? 'users.enable' : 'users.disable'),
      schema: {
        operationId: enabled ? 'usersEnable' : 'usersDisable', tags: ['users'],
        summary: enabled ? 'Enable a disabled account (admin)' : 'Disable an account and end its sessions (admin)',
        description: 'Problems: 404 USER_NOT_FOUND, 422 SELF_DISABLE_REFUSED.',
        params: idParams, response: { 200: staffUser },
      },
    }, async (request) => setStaffEnabled(ctx, request.params.id, enabled, authenticatedActor(request).sub));
  }

  app.post('/v1/users/:id/reset', {
    preValidation: guard('users.reset'),
    schema: {
      operationId: 'usersReset', tags: ['users'], summary: 'New one-time password sent to the account\'s own contact, TOTP to enrol again, every session ended (admin)',
      description: 'Problems: 404 USER_NOT_FOUND, 422 STAFF_CONTACT_MISSING (an account made on the command line without a contact).', params: idParams, response: { 200: staffUser },
    },
  }, async (request) => resetStaff(ctx, request.params.id, authenticatedActor(request).sub));

  app.delete('/v1/users/:id/sessions', {
    preValidation: guard('users.revokeSessions'),
    schema: {
      operationId: 'usersRevokeSessions', tags: ['users'], summary: 'End every session of a user, staff or borrower (admin)',
      description: 'Problems: 404 USER_NOT_FOUND.', params: idParams, response: { 200: z.object({ revoked: z.number().int() }) },
    },
  }, async (request) => {
    if (ctx.identity.users.byId(request.params.id) === null) throw notFoundUser(request.params.id);
    return { revoked: revokeAllSessions(ctx, request.params.id, authenticatedActor(request).sub, 'revoked by administrator') };
  });
};

/** The body's contact, already checked by the schema (a mainland mobile or an e-mail address). */
function staffContactOf(text: string): StaffContact {
  const contact = staffContact(text);
  if (contact === null) throw new DomainError('VALIDATION_FAILED', 'contact: expected a mainland mobile number or an e-mail address', 'invalid');
  return contact;
}

const notFoundUser = (id: string) => new DomainError('USER_NOT_FOUND', `No user ${id}`, 'not_found');
