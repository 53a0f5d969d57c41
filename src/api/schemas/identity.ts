import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../identity/password-strength.js';
import { STAFF_ROLES } from '../../identity/staff-accounts.js';
import { staffContact } from '../../identity/staff-contacts.js';
import { checkNationalId, mainlandMobile, nationalId, nationalIdType, personName } from './person.js';

const password = z.string().min(1).max(MAX_PASSWORD_LENGTH).meta({ description: 'Never logged or stored in clear' });
const phone = mainlandMobile;
const email = z.email().max(200).meta({ example: 'zhang.san@example.com' });
const login = z.string().trim().min(1).max(200).meta({ description: 'Phone, e-mail or staff username', example: '13812341234' });
const sixDigits = z.string().regex(/^\d{6}$/, 'expected 6 digits');

export const registrationBody = z
  .union([z.object({ phone, password }).strict(), z.object({ email, password }).strict()])
  .meta({ description: 'A phone or an e-mail (not both) and a password; a 6-digit code goes to it through the outbox' });

export const verificationBody = z
  .object({
    login,
    code: sixDigits,
    password: password.meta({ description: 'The password registered with: the account activates only with the password it will have (a registration of the same login since replaced it: 422 REGISTRATION_PASSWORD_MISMATCH, register again)' }),
    name: personName,
    nationalId,
    nationalIdType: nationalIdType.optional(),
    phone: phone.optional().meta({ description: 'Required when registered by e-mail' }),
    email: email.optional(),
  })
  .strict()
  .superRefine(checkNationalId);

export const loginBody = z
  .object({
    login,
    password,
    totp: sixDigits.optional().meta({ description: 'Staff: the authenticator app\'s code' }),
    recoveryCode: z.string().trim().min(1).max(40).optional().meta({ description: 'Staff: a recovery code instead of totp' }),
  })
  .strict();

export const enrolmentBody = z
  .object({
    login,
    enrolmentToken: z.string().min(1).max(200),
    code: sixDigits.meta({ description: 'The code the authenticator shows for the offered secret' }),
    newPassword: password.optional().meta({ description: 'Required at the first login of an account an administrator created or reset' }),
  })
  .strict();

export const refreshBody = z
  .object({ refreshToken: z.string().min(1).max(200).optional().meta({ description: 'API clients; browsers send the lendcore_refresh cookie instead' }) })
  .strict()
  .nullish();

export const sessionTokens = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  expiresIn: z.number().int().meta({ description: 'Seconds' }),
  refreshToken: z.string(),
  sessionId: z.string(),
  userId: z.string(),
  role: z.string(),
  customerId: z.string().nullable(),
});

export const enrolmentRequired = z.object({
  status: z.literal('totp-enrolment-required'),
  enrolmentToken: z.string(),
  secret: z.string().meta({ description: 'Base32 TOTP secret for the authenticator app' }),
  otpauthUri: z.string(),
  mustChangePassword: z.boolean(),
});

export const staffRole = z.enum(STAFF_ROLES);

export const createStaffBody = z
  .object({
    username: z.string().trim().min(2).max(64).meta({ example: 'olga' }),
    role: staffRole,
    contact: z.string().trim().min(3).max(200).refine((text) => staffContact(text) !== null, 'expected the person\'s own mainland mobile number or e-mail address')
      .meta({ description: 'The person\'s own mobile or e-mail: the one-time password is sent there (outbox), never to the administrator; one account per contact', example: 'olga@lender.example' }),
  })
  .strict();

export const roleBody = z.object({ role: staffRole }).strict();

export const staffUser = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  status: z.enum(['pending', 'active', 'disabled']),
  totpEnrolled: z.boolean(),
  mustChangePassword: z.boolean(),
  contact: z.string().nullable().meta({ description: 'Masked: where one-time passwords go; null for an account made on the command line' }),
  createdAt: z.string(),
});

/** Who a staff member is to other staff: the name an actor id stands for in the audit trail, a loan's history and the queues. */
export const staffName = z.object({
  id: z.string().meta({ description: 'The user id: `sub` of its tokens, `actor.sub` of what it recorded' }),
  name: z.string().meta({ description: 'Its username, as it signs in', example: 'ada' }),
  role: z.string(),
}).meta({ id: 'StaffName' });

export const passwordChangeBody = z.object({ currentPassword: password, newPassword: password }).strict();

export const resetRequestBody = z.object({ login }).strict();

export const resetBody = z.object({ login, code: sixDigits, newPassword: password }).strict();
