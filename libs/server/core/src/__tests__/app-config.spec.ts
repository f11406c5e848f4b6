import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../config/app-config';

describe('loadConfig', () => {
  it('starts with no settings at all, on the embedded database with demo data', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.seedDemoData).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.introspection).toBe(true);
    expect(config.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('uses DATABASE_URL without demo data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/anyam' });
    expect(config.usesEmbeddedDatabase).toBe(false);
    expect(config.seedDemoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/anyam', SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
  });

  it('names every bad setting', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as ConfigError).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL/);
      expect(message).toMatch(/LOG_LEVEL/);
    }
  });

  it('requires a real JWT secret in production and turns introspection off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/anyam' })).toThrow(/JWT_SECRET is missing/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(/development secret/);
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(20) + 'y'.repeat(20) });
    expect(prod.introspection).toBe(false);
  });
});
