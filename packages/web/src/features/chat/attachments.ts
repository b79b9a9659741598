import type { ChannelType } from '@charla/contracts';
import { type MediaProblem, mediaProblemFor } from '@charla/contracts/rules';

/** A file picked for the next message, with a preview for images. */
export interface PickedFile {
  key: string;
  file: File;
  previewUrl: string | null;
}

/** A file refused before upload, and why (the channel's type or size limit). */
export interface RefusedFile {
  name: string;
  problem: MediaProblem;
}

let sequence = 0;

/** Splits picked, dropped or pasted files into those the channel takes and those it refuses. */
export function checkFiles(channel: ChannelType, files: readonly File[]) {
  const accepted: PickedFile[] = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    const problem = mediaProblemFor(channel, file.type || 'application/octet-stream', file.size);
    if (problem) {
      refused.push({ name: file.name, problem });
      continue;
    }
    sequence += 1;
    accepted.push({
      key: `${sequence}:${file.name}`,
      file,
      previewUrl: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
    });
  }
  return { accepted, refused };
}
