import { Locale, Role } from '@anyam/shared/domain';

/** Shared password of every demo account (stated in the README). Demo data only: never on a real server. */
export const DEMO_PASSWORD = 'anyam-demo-2023';

export interface DemoAccount {
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
  networkRole?: Role;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@anyam.test', name: 'Network Admin', locale: 'en', timeZone: 'Asia/Jakarta', networkRole: Role.Admin },
  { email: 'dewi@anyam.test', name: 'Dewi Lestari', locale: 'id', timeZone: 'Asia/Jakarta' },
  { email: 'sari@anyam.test', name: 'Sari Wulandari', locale: 'id', timeZone: 'Asia/Makassar' },
  { email: 'lucia@anyam.test', name: 'Lucía Quispe', locale: 'es', timeZone: 'America/Lima' },
  { email: 'mateo@anyam.test', name: 'Mateo Rojas', locale: 'es', timeZone: 'America/La_Paz' },
  { email: 'ana@anyam.test', name: 'Ana Souza', locale: 'pt', timeZone: 'America/Sao_Paulo' },
];
