import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestApp, TestApp, TestMember } from '../support/test-app';
import { code, ENROL, facilitator, hubId, LESSON, ok, publishedModule } from './learning-support';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);

describe('learning: lesson resources (upload and download)', () => {
  let t: TestApp;
  let uploadDir: string;
  let reSearch: string;
  let fac: TestMember;
  let learner: TestMember;
  let stranger: TestMember;
  let lessonId: string;

  const upload = (token: string | undefined, name: string, bytes: Buffer, lesson = lessonId) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return fetch(`${t.url}/files/lessons/${lesson}/resources`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  };

  beforeAll(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyam-it-uploads-'));
    t = await startTestApp({ demoData: true, env: { UPLOAD_DIR: uploadDir } });
    reSearch = await hubId(t, 're-search');
    [fac, learner, stranger] = await Promise.all([facilitator(t, reSearch), t.signUp(), t.signUp()]);
    const m = await publishedModule(t, fac, reSearch, { lessons: 1 });
    lessonId = m.lessonIds[0];
    await ok(t.gql(ENROL, { input: { moduleId: m.id } }, { token: learner.accessToken }), 'enrol');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  it('lets the module’s editors upload allowed files, stored under the upload folder, listed on the lesson', async () => {
    const res = await upload(fac.accessToken, 'Cash-flow template (v2).pdf', PDF);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; fileName: string; mediaType: string; sizeBytes: number; url: string };
    expect(body).toMatchObject({ fileName: 'Cash-flow template (v2).pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
    const stored = fs.readdirSync(path.join(uploadDir, 'lesson-resources'));
    expect(stored).toHaveLength(1);
    expect(fs.readFileSync(path.join(uploadDir, 'lesson-resources', stored[0])).equals(PDF)).toBe(true);
    expect((await upload(fac.accessToken, 'diagram.png', PNG)).status).toBe(201);
    expect((await upload(fac.accessToken, 'Presupuesto del año – resumen.txt', Buffer.from('Plain notes, ünïcödé.\n'))).status).toBe(201);
    const lesson = await ok(t.gql(LESSON, { id: lessonId }, { token: learner.accessToken }), 'lesson');
    expect(lesson.resources.map((r: any) => r.fileName)).toEqual(['Cash-flow template (v2).pdf', 'diagram.png', 'Presupuesto del año – resumen.txt']);
    expect((await ok(t.gql(LESSON, { id: lessonId }), 'lesson')).resources).toEqual([]);
  });

  it('refuses other types, disguised files, oversized files, and non-editors', async () => {
    const before = fs.readdirSync(path.join(uploadDir, 'lesson-resources')).length;
    const cases: [string | undefined, string, Buffer, number, string][] = [
      [fac.accessToken, 'tool.exe', Buffer.from('MZ....'), 400, 'fileType'],
      [fac.accessToken, 'page.html', Buffer.from('<script>alert(1)</script>'), 400, 'fileType'],
      [fac.accessToken, 'fake.pdf', Buffer.from('<html>not a pdf</html>'), 400, 'fileType'],
      [fac.accessToken, 'big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]), 400, 'fileTooLarge'],
    ];
    for (const [token, name, bytes, status, why] of cases) {
      const res = await upload(token, name, bytes);
      expect([name, res.status, ((await res.json()) as any).reason]).toEqual([name, status, why]);
    }
    const member = await upload(learner.accessToken, 'x.pdf', PDF);
    expect([member.status, ((await member.json()) as any).code]).toEqual([403, 'FORBIDDEN']);
    const visitor = await upload(undefined, 'x.pdf', PDF);
    expect([visitor.status, ((await visitor.json()) as any).code]).toEqual([401, 'UNAUTHENTICATED']);
    const otherHub = await facilitator(t, await hubId(t, 'ananta-fund'));
    expect((await upload(otherHub.accessToken, 'x.pdf', PDF)).status).toBe(403);
    expect((await upload(fac.accessToken, 'x.pdf', PDF, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(fs.readdirSync(path.join(uploadDir, 'lesson-resources'))).toHaveLength(before);
  });

  it('serves a file to whoever may read the lesson, NOT_FOUND to others', async () => {
    const lesson = await ok(t.gql(LESSON, { id: lessonId }, { token: learner.accessToken }), 'lesson');
    const pdf = lesson.resources[0];
    const ok200 = await fetch(`${t.url}${pdf.url}`, { headers: { authorization: `Bearer ${learner.accessToken}` } });
    expect(ok200.status).toBe(200);
    expect(ok200.headers.get('content-type')).toBe('application/pdf');
    expect(ok200.headers.get('content-disposition')).toContain("filename*=UTF-8''Cash-flow%20template%20(v2).pdf");
    expect(ok200.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await ok200.arrayBuffer()).equals(PDF)).toBe(true);
    for (const token of [undefined, stranger.accessToken]) {
      const res = await fetch(`${t.url}${pdf.url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(res.status).toBe(404);
    }
    expect((await fetch(`${t.url}/files/lesson-resources/not-an-id/x.pdf`)).status).toBe(404);
  });

  it('deleteLessonResource: editors only; the file leaves the disk', async () => {
    const lesson = await ok(t.gql(LESSON, { id: lessonId }, { token: fac.accessToken }), 'lesson');
    const png = lesson.resources.find((r: any) => r.fileName === 'diagram.png');
    const DELETE = `mutation($id: ID!) { deleteLessonResource(id: $id) { id resources { fileName } } }`;
    expect(code(await t.gql(DELETE, { id: png.id }, { token: learner.accessToken }))).toBe('FORBIDDEN');
    const before = fs.readdirSync(path.join(uploadDir, 'lesson-resources')).length;
    const after = await ok(t.gql(DELETE, { id: png.id }, { token: fac.accessToken }), 'deleteLessonResource');
    expect(after.resources.map((r: any) => r.fileName)).toEqual(['Cash-flow template (v2).pdf', 'Presupuesto del año – resumen.txt']);
    expect(fs.readdirSync(path.join(uploadDir, 'lesson-resources'))).toHaveLength(before - 1);
    expect(code(await t.gql(DELETE, { id: png.id }, { token: fac.accessToken }))).toBe('NOT_FOUND');
  });
});
