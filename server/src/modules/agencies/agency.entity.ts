/** An agency: an `agencies` row as mapped once (agencies.repository.ts). */
export class AgencyEntity {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  createdAt: Date;
}
