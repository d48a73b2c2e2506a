import { parseArgs } from 'node:util';
import { AgencyRole, Role } from '@consulta/shared';
import { systemViewer } from '../common/auth/request-viewer.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AgenciesService } from '../modules/agencies/agencies.service.js';
import { UsersService } from '../modules/users/users.service.js';
import { cliConfig, withApp } from './with-app.js';

const USAGE = `Usage: npm run admin -- <command> [options]

  create-user   --email E --password P --name N [--role CITIZEN|MODERATOR|ADMIN]
  set-role      --email E --role CITIZEN|MODERATOR|ADMIN
  create-agency --name N [--slug S] [--description D]
  add-member    --agency SLUG --email E --role OFFICIAL|AGENCY_ADMIN

Acts on DATABASE_URL, or on the embedded database when it is unset.`;

class UsageError extends Error {}

function oneOf<T extends string>(value: string | undefined, allowed: Record<string, T>, flag: string): T {
  if (!value || !(Object.values(allowed) as string[]).includes(value)) {
    throw new UsageError(`--${flag} must be one of ${Object.values(allowed).join(', ')}`);
  }
  return value as T;
}

function required(values: Record<string, string | undefined>, ...flags: string[]): void {
  const missing = flags.filter((flag) => !values[flag]);
  if (missing.length) throw new UsageError(`missing ${missing.map((f) => `--${f}`).join(', ')}`);
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      slug: { type: 'string' },
      description: { type: 'string' },
      agency: { type: 'string' },
    },
    strict: true,
  });
  return withApp(cliConfig(), async (app) => {
    const users = app.get(UsersService);
    const agencies = app.get(AgenciesService);
    const system = systemViewer();
    switch (command) {
      case 'create-user': {
        required(values, 'email', 'password', 'name');
        const user = await users.createUser({
          email: values.email!,
          password: values.password!,
          displayName: values.name!,
          role: values.role ? oneOf(values.role, Role, 'role') : Role.CITIZEN,
        });
        process.stdout.write(`Created ${user.email} (${user.role})\n`);
        break;
      }
      case 'set-role': {
        required(values, 'email', 'role');
        const user = await users.findByEmail(values.email!);
        if (!user) throw new UsageError(`no account uses ${values.email}`);
        const updated = await users.setRole(system, user.id, oneOf(values.role, Role, 'role'));
        process.stdout.write(`${updated.email} is now ${updated.role}\n`);
        break;
      }
      case 'create-agency': {
        required(values, 'name');
        const agency = await agencies.createAgency(system, { ...values, name: values.name! });
        process.stdout.write(`Created agency ${agency.name} (${agency.slug})\n`);
        break;
      }
      case 'add-member': {
        required(values, 'agency', 'email', 'role');
        const agency = await agencies.findBySlug(values.agency!);
        if (!agency) throw new UsageError(`no agency has the slug ${values.agency}`);
        const role = oneOf(values.role, AgencyRole, 'role');
        await agencies.addMember(system, { agencyId: agency.id, email: values.email!, role });
        process.stdout.write(`${values.email} is ${role} of ${agency.name}\n`);
        break;
      }
      default:
        throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
    }
    return 0;
  });
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    if (error instanceof DomainError) {
      const fields = (error.extensions.fields ?? {}) as Record<string, string>;
      const details = Object.entries(fields).map(([field, message]) => `\n  ${field}: ${message}`);
      process.stderr.write(`Error: ${error.message}${details.join('')}\n`);
    } else {
      process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error ?? 'unknown failure')}\n`);
    }
    process.exit(1);
  },
);
