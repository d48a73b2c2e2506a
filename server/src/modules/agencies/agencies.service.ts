import { AgencyRole, LIMITS, Role, SLUG_PATTERN, slugify } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requireRole, requireSignedIn } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { DatabaseService } from '../../database/database.service.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import { AuditService } from '../audit/audit.service.js';
import { UsersService } from '../users/users.service.js';
import type { AgencyMembershipEntity } from './agency-membership.entity.js';
import { agenciesRepository } from './agencies.repository.js';
import type { AgencyEntity } from './agency.entity.js';

/** What is wrong with an agency's name and description (its slug never changes once made). */
function textProblems(name: string, description: string | null): Record<string, string> {
  const fields: Record<string, string> = {};
  if (name.length < LIMITS.agency.nameMin || name.length > LIMITS.agency.nameMax) {
    fields.name = fieldMessage('lengthBetween', { min: LIMITS.agency.nameMin, max: LIMITS.agency.nameMax });
  }
  if (description && description.length > LIMITS.agency.descriptionMax) {
    fields.description = fieldMessage('lengthAtMost', { max: LIMITS.agency.descriptionMax });
  }
  return fields;
}

/** Agencies and who works for them. Admins create agencies; admins and agency admins add members. */
@Injectable()
export class AgenciesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AgencyEntity[]> {
    return agenciesRepository.list(this.database.dataSource);
  }

  findByIds(ids: readonly string[]): Promise<AgencyEntity[]> {
    return agenciesRepository.findByIds(this.database.dataSource, ids);
  }

  async findById(id: string): Promise<AgencyEntity | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  findBySlug(slug: string): Promise<AgencyEntity | null> {
    return agenciesRepository.findBySlug(this.database.dataSource, slug);
  }

  membershipsOfUsers(userIds: readonly string[]): Promise<AgencyMembershipEntity[]> {
    return agenciesRepository.membershipsOfUsers(this.database.dataSource, userIds);
  }

  membershipsOfAgencies(agencyIds: readonly string[]): Promise<AgencyMembershipEntity[]> {
    return agenciesRepository.membershipsOfAgencies(this.database.dataSource, agencyIds);
  }

  /** The viewer's role in the agency, or null when they are not a member. */
  async roleIn(viewer: RequestViewer, agencyId: string): Promise<AgencyRole | null> {
    if (!viewer.userId) return null;
    return (await agenciesRepository.membership(this.database.dataSource, agencyId, viewer.userId))?.role ?? null;
  }

  async createAgency(
    viewer: RequestViewer,
    input: { name: string; slug?: string | null; description?: string | null },
  ): Promise<AgencyEntity> {
    const actor = requireRole(viewer, Role.ADMIN);
    const name = input.name.trim();
    const slug = input.slug ?? slugify(name);
    const description = input.description?.trim() || null;
    const fields = textProblems(name, description);
    if (slug.length < LIMITS.agency.slugMin || slug.length > LIMITS.agency.slugMax || !SLUG_PATTERN.test(slug)) {
      fields.slug = fieldMessage('slugBetween', { min: LIMITS.agency.slugMin, max: LIMITS.agency.slugMax });
    }
    if (Object.keys(fields).length > 0) throw new BadInputError(fields);
    try {
      return await this.database.transaction(async (manager) => {
        const agency = await agenciesRepository.insert(manager, { name, slug, description: description ?? null });
        await this.audit.record(manager, {
          actorId: actor.userId,
          action: 'agency.created',
          targetType: 'Agency',
          targetId: agency.id,
          agencyId: agency.id,
        });
        return agency;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'agencies_slug_key')) {
        throw ConflictError.onFields('SLUG_TAKEN', { slug: fieldMessage('slugTaken') });
      }
      throw error;
    }
  }

  /**
   * ADMIN, or an AGENCY_ADMIN of that agency. The person must already have an account. Adding someone who
   * is already a member with the same role changes nothing; with another role, it changes their role.
   */
  async addMember(
    viewer: RequestViewer,
    input: { agencyId: string | null; email: string; role: AgencyRole },
  ): Promise<AgencyMembershipEntity> {
    const { actor, agency } = await this.manageable(viewer, input.agencyId);
    const user = await this.users.findByEmail(input.email);
    if (!user) throw new BadInputError({ email: fieldMessage('noSuchAccount') });
    return this.database.transaction(async (manager) => {
      const existing = await agenciesRepository.membership(manager, agency.id, user.id, true);
      if (existing?.role === input.role) return existing;
      const membership = await agenciesRepository.setMembership(manager, agency.id, user.id, input.role);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: existing ? 'agency.member_role_changed' : 'agency.member_added',
        targetType: 'User',
        targetId: user.id,
        agencyId: agency.id,
        details: { role: input.role, ...(existing ? { from: existing.role } : {}) },
      });
      return membership;
    });
  }

  /** ADMIN, or an AGENCY_ADMIN of that agency: its name and description (the slug, in links, stays). */
  async updateAgency(
    viewer: RequestViewer,
    input: { id: string | null; name?: string | null; description?: string | null },
  ): Promise<AgencyEntity> {
    const { actor, agency } = await this.manageable(viewer, input.id);
    const name = input.name?.trim() ?? agency.name;
    const description = input.description === undefined ? agency.description : input.description?.trim() || null;
    const fields = textProblems(name, description);
    if (Object.keys(fields).length > 0) throw new BadInputError(fields);
    return this.database.transaction(async (manager) => {
      const updated = await agenciesRepository.update(manager, agency.id, { name, description });
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'agency.updated',
        targetType: 'Agency',
        targetId: agency.id,
        agencyId: agency.id,
        details: { from: agency.name, to: name },
      });
      return updated;
    });
  }

  /**
   * ADMIN, or an AGENCY_ADMIN of that agency: the person no longer works for it. The last agency admin
   * stays (CONFLICT), so every agency keeps someone who can manage it.
   */
  async removeMember(viewer: RequestViewer, agencyId: string | null, userId: string | null): Promise<AgencyEntity> {
    const { actor, agency } = await this.manageable(viewer, agencyId);
    if (!userId) throw new NotFoundError('member');
    return this.database.transaction(async (manager) => {
      const members = await agenciesRepository.lockMembers(manager, agency.id);
      const member = members.find((m) => m.userId === userId);
      if (!member) throw new NotFoundError('member');
      const admins = members.filter((m) => m.role === AgencyRole.AGENCY_ADMIN);
      if (member.role === AgencyRole.AGENCY_ADMIN && admins.length === 1) throw new ConflictError('LAST_AGENCY_ADMIN');
      await agenciesRepository.removeMembership(manager, agency.id, userId);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'agency.member_removed',
        targetType: 'User',
        targetId: userId,
        agencyId: agency.id,
        details: { from: member.role },
      });
      return agency;
    });
  }

  /** The agency, if the viewer may manage it (ADMIN, or its AGENCY_ADMIN). */
  private async manageable(viewer: RequestViewer, agencyId: string | null) {
    const actor = requireSignedIn(viewer);
    const agency = agencyId ? await this.findById(agencyId) : null;
    if (!agency) throw new NotFoundError('agency');
    if (actor.role !== Role.ADMIN && (await this.roleIn(actor, agency.id)) !== AgencyRole.AGENCY_ADMIN) {
      throw new ForbiddenError('AGENCY_ADMIN_REQUIRED');
    }
    return { actor, agency };
  }
}
