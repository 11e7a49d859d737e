import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { handmadeDocx, handmadePdf, libreOfficeConvert, PNG_1X1, sofficePath } from '../src/main/core/testing/fileFixtures';
import { FieldnotesApp } from './support/app';
import { expect, test } from './support/fixtures';
import { startHost, type RunningHost } from './support/host';

// TODO(files): the engagement page that mounts ImportNotesButton and AttachmentsPanel is being built.
// Until it lands, the workspace and engagement are made through the UI and the files themselves go
// through the same /rpc door the renderer uses; once mounted, switch the uploads to clicks on
// "Import notes…" / "Add files…" with page.setInputFiles, and check the progress bars and alerts.

/** The contract over HTTP, as the renderer's loopback transport sends it. */
function rpc(request: APIRequestContext, host: RunningHost) {
  const token = new URL(host.url).searchParams.get('token')!;
  return async (method: string, input: unknown) => {
    const response = await request.post(`${host.origin}/rpc`, { headers: { 'x-fieldnotes-token': token }, data: { method, input } });
    expect(response.status()).toBe(200);
    return (await response.json()) as { ok: true; value: any } | { ok: false; error: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

type Call = ReturnType<typeof rpc>;

async function ok(call: Call, method: string, input: unknown) {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Upload a file from disk in small chunks, as uploadFile() does in the window. */
async function upload(call: Call, path: string, fileName: string, purpose: 'import' | 'attachment', mediaType = '') {
  const bytes = readFileSync(path);
  const { uploadId } = await ok(call, 'uploads.begin', { fileName, size: bytes.length, mediaType, purpose });
  const chunk = 16 * 1024;
  for (let index = 0, offset = 0; offset < bytes.length; index++, offset += chunk) {
    await ok(call, 'uploads.chunk', { uploadId, index, dataBase64: bytes.subarray(offset, offset + chunk).toString('base64') });
  }
  return uploadId as string;
}

let fixtures: string;
test.beforeAll(() => {
  fixtures = mkdtempSync(join(tmpdir(), 'fieldnotes-e2e-files-'));
  const write = (name: string, bytes: Uint8Array | string) => writeFileSync(join(fixtures, name), bytes);
  write(
    'Moorfields visit.docx',
    sofficePath
      ? libreOfficeConvert(fixtures, 'visit', '<h1>Moorfields visit</h1><p>Machine learning <b>reads</b> eye scans.</p><ul><li>Training time</li></ul>', 'docx')
      : handmadeDocx([{ style: 'Heading1', runs: [{ text: 'Moorfields visit' }] }, { runs: [{ text: 'Machine learning reads eye scans.' }] }]),
  );
  write('Interview P014.txt', Buffer.from('\uFEFFP014: I would use AI triage tomorrow.\r\nP015: Not without training.\r\n', 'utf16le'));
  write('RCR submission.pdf', handmadePdf([[{ text: 'Call for evidence', size: 18 }, { text: '' }, { text: 'Radiographers need structured training.' }]]));
  write('Damaged.docx', handmadeDocx([{ runs: [{ text: 'lost '.repeat(200) }] }]).subarray(0, 250));
  write('Flip chart.png', PNG_1X1);
  write('photo.jpg', 'These are my typed notes, not a photo.');
});
test.afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

test('import notes and attach files to an engagement; refusals add nothing; all there after a restart', async ({ page, host, request }) => {
  test.setTimeout(120_000);
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  const workspace = join(host.workspaces, 'Files review.fieldnotes');
  await app.createWorkspace('Files review', workspace);
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-07-12');

  let call = rpc(request, host);
  const [engagement] = await ok(call, 'engagements.list', {});
  const engagementId = engagement.id as string;

  for (const name of ['Moorfields visit.docx', 'Interview P014.txt', 'RCR submission.pdf']) {
    const uploadId = await upload(call, join(fixtures, name), name, 'import');
    const { notes } = await ok(call, 'imports.note', { uploadId, engagementId });
    expect(notes).toHaveLength(1);
  }
  const notes = await ok(call, 'notes.list', { engagementId });
  expect(notes.map((n: { title: string; source: string }) => [n.title, n.source])).toEqual([
    ['Moorfields visit', 'import:docx'],
    ['Interview P014', 'import:txt'],
    ['RCR submission', 'import:pdf'],
  ]);

  // A damaged .docx is refused by name and leaves no note behind.
  const damaged = await call('imports.note', { uploadId: await upload(call, join(fixtures, 'Damaged.docx'), 'Damaged.docx', 'import'), engagementId });
  expect(damaged).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FILE', message: expect.stringContaining('"Damaged.docx" could not be imported') } });
  expect(await ok(call, 'notes.list', { engagementId })).toHaveLength(3);

  // A photo is stored inside the workspace; a "photo" that is text is refused.
  const photo = await ok(call, 'attachments.add', {
    uploadId: await upload(call, join(fixtures, 'Flip chart.png'), 'Flip chart.png', 'attachment', 'image/png'),
    engagementId,
  });
  expect(photo).toMatchObject({ fileName: 'Flip chart.png', mediaType: 'image/png', size: PNG_1X1.length });
  const fake = await call('attachments.add', { uploadId: await upload(call, join(fixtures, 'photo.jpg'), 'photo.jpg', 'attachment', 'image/jpeg'), engagementId });
  expect(fake).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FILE', message: expect.stringContaining('"photo.jpg" is not an image file') } });
  const read = await ok(call, 'attachments.read', { id: photo.id, offset: 0, length: 1024 * 1024 });
  expect(Buffer.from(read.dataBase64, 'base64').equals(PNG_1X1)).toBe(true);
  const copy = join(host.workspaces, 'Flip chart copy.png');
  await ok(call, 'attachments.export', { id: photo.id, path: copy });
  expect(readFileSync(copy).equals(PNG_1X1)).toBe(true);

  // The window still works beside all this.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Files review');

  // Stop the host (its core deletes any temporary upload) and start again on the same folders.
  const pid = host.process.pid;
  await host.stop();
  expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`fieldnotes-uploads-${pid}-`))).toEqual([]);
  const again = await startHost(host.data);
  try {
    call = rpc(request, again);
    await ok(call, 'workspace.open', { path: workspace });
    expect((await ok(call, 'notes.list', { engagementId })).map((n: { title: string }) => n.title)).toEqual([
      'Moorfields visit',
      'Interview P014',
      'RCR submission',
    ]);
    expect((await ok(call, 'attachments.list', { engagementId })).map((a: { fileName: string }) => a.fileName)).toEqual(['Flip chart.png']);
    const transcript = (await ok(call, 'notes.list', { engagementId }))[1];
    const { document } = await ok(call, 'notes.get', { id: transcript.id });
    expect(document).toContain('I would use AI triage tomorrow.');
  } finally {
    await again.stop();
  }
  expect(existsSync(workspace)).toBe(true);
});

test('uploads refuse a file over the limit before any byte is sent, and chunks out of order', async ({ host, request, page }) => {
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Grace Hopper', 'GH');
  await app.createWorkspace('Limits', join(host.workspaces, 'limits.fieldnotes'));
  const call = rpc(request, host);
  const tooLarge = await call('uploads.begin', { fileName: 'Workshop recording.mp4', size: 300 * 1024 * 1024, mediaType: 'video/mp4', purpose: 'attachment' });
  expect(tooLarge).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringMatching(/"Workshop recording.mp4" is too large to attach.*200 MB/) } });
  const { uploadId } = await ok(call, 'uploads.begin', { fileName: 'notes.txt', size: 10, mediaType: 'text/plain', purpose: 'import' });
  const outOfOrder = await call('uploads.chunk', { uploadId, index: 3, dataBase64: 'aGVsbG8=' });
  expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('out of order') } });
  expect(await ok(call, 'uploads.cancel', { uploadId })).toBeNull();
});
