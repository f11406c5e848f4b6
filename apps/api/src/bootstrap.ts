import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import compression from 'compression';
import { Logger } from 'nestjs-pino';
import { AppConfig, GRAPHQL_PATH, resolveDatabase, WEB_DIST } from '@anyam/server/core';
import { AppModule } from './app.module';
import { DemoDataService } from './demo/demo-data.service';

export interface CreateAppOptions {
  /** Folder of the built web app; default dist/web under the working directory. */
  webDist?: string;
  /** Load demo data into an empty database when the config asks for it (default true). */
  seed?: boolean;
}

/** Builds the API + web server (not yet listening): used by main.ts and by the integration tests. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const database = await resolveDatabase(config);
  let app: NestExpressApplication;
  try {
    // Nest's own start-up chatter is dropped; once created, everything logs through pino.
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
      logger: false,
      abortOnError: false,
    });
  } catch (e) {
    await database.embedded?.stop();
    throw e;
  }
  app.useLogger(app.get(Logger));
  if (config.TRUST_PROXY) app.set('trust proxy', true);
  app.disable('x-powered-by');

  // Pages, files and probes get the full set of security headers. GraphQL's JSON answers (POST) only
  // those that mean something for JSON — a page's CSP and framing rules do not — which keeps ≈ 550 bytes
  // of headers off every API answer a phone receives.
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const apiHeaders = helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.method === 'POST' && req.path === GRAPHQL_PATH ? apiHeaders(req, res, next) : pageHeaders(req, res, next),
  );
  // No ETag on API answers: nobody revalidates a POST, and hashing every body costs CPU (static files keep theirs).
  app.set('etag', false);
  app.use(compression());
  app.use(cookieParser());
  app.use(express.json({ limit: '256kb' }));

  serveWebApp(app, options.webDist ?? path.resolve(WEB_DIST));
  await app.init();

  if (config.seedDemoData && options.seed !== false) await app.get(DemoDataService).seedIfEmpty();
  return app;
}

/** The built React app: hashed assets cached for a year, index.html for every other page route. */
function serveWebApp(app: NestExpressApplication, dir: string) {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return;
  const assets = path.join(dir, 'assets');
  // The build writes a Brotli twin (quality 11) of each script and stylesheet: sent as is to browsers that
  // accept br, ≈ 14 % smaller than on-the-fly compression and no CPU per request.
  const brotli = new Set(fs.existsSync(assets) ? fs.readdirSync(assets).filter((n) => n.endsWith('.br')) : []);
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    const name = req.path.slice(1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !brotli.has(`${name}.br`)) return next();
    res.vary('Accept-Encoding');
    if (!/\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))) return next();
    res.type(path.extname(name));
    res.setHeader('Content-Encoding', 'br');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.sendFile(path.join(assets, `${name}.br`));
  });
  app.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  app.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      // The service worker must be revalidated on every visit, or a deploy would reach browsers an hour late.
      setHeaders: (res, file) => {
        if (path.basename(file) === 'sw.js') res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Only page navigations (browsers ask for text/html explicitly); calendar apps asking for /ical/…
    // with "Accept: */*", probes and the API fall through to their own handlers.
    const wantsPage = (req.headers.accept ?? '').includes('text/html');
    const reserved =
      [GRAPHQL_PATH, '/health', '/ical', '/files/'].some((prefix) => req.path.startsWith(prefix)) || /^\/certificates\/[^/]+\.pdf$/.test(req.path);
    if (req.method !== 'GET' || reserved || !wantsPage) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
