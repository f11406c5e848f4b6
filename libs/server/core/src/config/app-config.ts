import 'reflect-metadata';
import * as path from 'node:path';
import { createSecretKey, KeyObject } from 'node:crypto';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MinLength,
  Min,
  validateSync,
  ValidateIf,
} from 'class-validator';
import { DEFAULT_PORT } from './config.constants';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** A secret used only outside production, so that a fresh clone starts without configuration. */
export const DEVELOPMENT_JWT_SECRET = 'anyam-development-secret-never-use-in-production';

/**
 * Every setting the API reads, validated once at start-up. This is the only place that reads
 * `process.env`: the rest of the code injects `AppConfig`.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = DEFAULT_PORT;

  /** Public address people reach the web app on; used in e-mailed links. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  /** PostgreSQL connection string. Unset: an embedded PostgreSQL under ANYAM_HOME/pg. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'], require_protocol: true })
  DATABASE_URL?: string;

  /** Where local state lives: the embedded database, mail folder. */
  @IsString()
  ANYAM_HOME: string = '.anyam';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT: number = 54329;

  /** Where uploaded files (lesson resources) are kept. Default: ANYAM_HOME/uploads. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  UPLOAD_DIR?: string;

  /** Load demo data into an empty database. Default: yes with the embedded database, no otherwise. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO_DATA?: boolean;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'], require_protocol: true })
  REDIS_URL?: string;

  /** smtp(s)://user:pass@host:port. Unset: mail is written to MAIL_DIR for a person to open. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['smtp', 'smtps'], require_protocol: true })
  SMTP_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  MAIL_DIR?: string;

  @IsString()
  MAIL_FROM: string = 'Anyam <no-reply@anyam.local>';

  @ValidateIf((c: AppConfig) => c.NODE_ENV === 'production')
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters of real randomness in production' })
  JWT_SECRET?: string;

  /** Access-token lifetime in seconds (short: the refresh cookie renews it). */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL: number = 900;

  /** Refresh-token lifetime in days. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_DAYS: number = 30;

  /** Behind a reverse proxy (nginx, an ingress): trust X-Forwarded-For for the client address. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Allow GraphQL introspection. Default: on outside production, off in production. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH: number = 10;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100000)
  GRAPHQL_MAX_COST: number = 5000;

  /** How often each background-job worker asks PostgreSQL for work, in seconds (pg-boss polling). */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber()
  @Min(0.5)
  @Max(600)
  JOBS_POLL_SECONDS: number = 2;

  /** Run background-job workers in this process. Off: the process only enqueues (a web-only replica). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  JOBS_WORKERS?: boolean;

  // ——— derived values ———
  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }
  get home(): string {
    return path.resolve(this.ANYAM_HOME);
  }
  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }
  get runJobWorkers(): boolean {
    return this.JOBS_WORKERS ?? true;
  }
  get seedDemoData(): boolean {
    return this.SEED_DEMO_DATA ?? this.usesEmbeddedDatabase;
  }
  get uploadDir(): string {
    return path.resolve(this.UPLOAD_DIR ?? path.join(this.home, 'uploads'));
  }
  get mailDir(): string {
    return path.resolve(this.MAIL_DIR ?? path.join(this.home, 'mail'));
  }
  get jwtSecret(): string {
    return this.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
  }
  /**
   * The secret as a KeyObject, made once. Given a string, jsonwebtoken first tries to parse it as a
   * public key on every verify; that failed parse was 15 % of the CPU time of an authenticated request.
   */
  get jwtKey(): KeyObject {
    this.cachedJwtKey ??= createSecretKey(Buffer.from(this.jwtSecret, 'utf8'));
    return this.cachedJwtKey;
  }
  private cachedJwtKey?: KeyObject;
  get introspection(): boolean {
    return this.GRAPHQL_INTROSPECTION ?? !this.isProduction;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

/** Reads and validates settings from an environment (normally process.env); throws ConfigError naming each bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const source: Record<string, unknown> = {};
  for (const key of [...known, 'PUBLIC_URL', 'DATABASE_URL', 'SEED_DEMO_DATA', 'REDIS_URL', 'SMTP_URL', 'MAIL_DIR', 'JWT_SECRET', 'GRAPHQL_INTROSPECTION', 'TRUST_PROXY']) {
    if (env[key] !== undefined) source[key] = env[key];
  }
  const config = plainToInstance(AppConfig, source);
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.map((e) => {
    const why = Object.values(e.constraints ?? {}).join(', ');
    return `${e.property} ${e.value === undefined ? 'is missing' : 'is invalid'} (${why})`;
  });
  if (config.isProduction && config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('JWT_SECRET must not be the development secret in production');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
