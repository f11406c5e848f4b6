import { CreateJobSchema1764200000000 } from './1764200000000-create-job-schema';

/** Migrations of the platform itself (not of a domain): the background-job schema. */
export const CORE_MIGRATIONS = [CreateJobSchema1764200000000];
