import { z } from 'zod';

/**
 * Files brought into a workspace (issue 3): uploads from the sandboxed
 * renderer, notes imported from documents, and attachments.
 */

const MB = 1024 * 1024;

/** Photos, slides, recordings: one file is the whole evidence base, so they live inside it, up to this size. */
export const MAX_ATTACHMENT_BYTES = 200 * MB;
/** Documents read into notes: far above any transcript or submission, small enough to parse in memory. */
export const MAX_IMPORT_BYTES = 50 * MB;
/** A REFI-QDA project (.qdpx): text sources are small, but other tools' exports carry media we then leave out. */
export const MAX_PROJECT_BYTES = 500 * MB;
/** A colleague's merge pack: a whole workspace, attachments included (issue 10). */
export const MAX_MERGE_PACK_BYTES = 1024 * MB;
/** One upload chunk, before base64: small enough for IPC and HTTP, large enough to keep calls few. */
export const MAX_CHUNK_BYTES = 4 * MB;
/** Base64 of a full chunk. */
export const MAX_CHUNK_BASE64 = Math.ceil(MAX_CHUNK_BYTES / 3) * 4;

export const UploadPurpose = z.enum(['import', 'attachment', 'project', 'mergePack']);
export type UploadPurpose = z.infer<typeof UploadPurpose>;

export const uploadLimits: Record<UploadPurpose, number> = {
  import: MAX_IMPORT_BYTES,
  attachment: MAX_ATTACHMENT_BYTES,
  project: MAX_PROJECT_BYTES,
  mergePack: MAX_MERGE_PACK_BYTES,
};

/** A file's own name as the person chose it: no folders, nothing a file system would choke on. */
export const FileName = z
  .string()
  .trim()
  .min(1, 'The file has no name.')
  .max(255, 'The file name is too long (at most 255 characters).')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[/\\\u0000-\u001f]/.test(name), 'The file name may not contain folders or control characters.');

/** "image/png", or '' when the browser could not tell. */
export const MediaType = z
  .string()
  .max(255)
  .regex(/^$|^[\w.+-]+\/[\w.+-]+(;.*)?$/, 'That is not a media type.');

export const Attachment = z.object({
  id: z.string(),
  engagementId: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

/** Image types a browser shows in an <img>; others (HEIC, TIFF) are stored and saved but not previewed. */
export const previewableImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/avif'];

/** Where a note came from, as stored in notes.source. */
export const importSources = ['import:docx', 'import:txt', 'import:md', 'import:pdf'] as const;
export type ImportSource = (typeof importSources)[number];

/** The file types that can be imported as notes, for the file picker. */
export const IMPORT_ACCEPT = '.docx,.txt,.md,.pdf';

/** 1536 → "1.5 KB": sizes as people read them (binary units, the way file managers count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 100 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** "Interview notes.final.docx" → "Interview notes.final". */
export function fileNameStem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** "Photo.JPG" → "jpg"; '' when there is none. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * The name to suggest for an export: "Topol review codebook.qdc" from the
 * workspace's name, with characters no file system accepts replaced; the
 * fallback when the name leaves nothing. Core and renderer suggest the same.
 */
export function exportFileName(workspaceName: string, suffix: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const name = workspaceName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return name ? `${name} ${suffix}` : fallback;
}

export const codebookFileName = (workspaceName: string): string => exportFileName(workspaceName, 'codebook.qdc', 'Codebook.qdc');

/** "Topol review project.qdpx": the whole workspace as REFI-QDA (issue 9). */
export const projectFileName = (workspaceName: string): string => exportFileName(workspaceName, 'project.qdpx', 'Project.qdpx');

/** "/home/ada/Topol codebook.qdc" → "Topol codebook.qdc", for messages (either separator). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
