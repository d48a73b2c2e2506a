import { registerEnumType } from '@nestjs/graphql';
import {
  AgencyRole,
  CampaignStatus,
  FlagReason,
  FlagResolution,
  FlagStatus,
  IdeaSort,
  IdeaStatus,
  Role,
  Visibility,
  VotingMode,
} from '@consulta/shared';

/** Registers the contract's enums once, with the names the contract uses. */
export function registerContractEnums(): void {
  registerEnumType(Role, { name: 'Role' });
  registerEnumType(AgencyRole, { name: 'AgencyRole' });
  registerEnumType(CampaignStatus, { name: 'CampaignStatus' });
  registerEnumType(VotingMode, {
    name: 'VotingMode',
    valuesMap: { SUPPORT: { description: 'Only +1 (support).' }, UP_DOWN: { description: '+1 or -1.' } },
  });
  registerEnumType(IdeaStatus, { name: 'IdeaStatus' });
  registerEnumType(IdeaSort, { name: 'IdeaSort' });
  registerEnumType(Visibility, { name: 'Visibility' });
  registerEnumType(FlagReason, { name: 'FlagReason' });
  registerEnumType(FlagStatus, { name: 'FlagStatus' });
  registerEnumType(FlagResolution, { name: 'FlagResolution' });
}
