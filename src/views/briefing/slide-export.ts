import { toCanvas } from 'html-to-image';
import { pendingWork, subscribeWork } from '../../data/readiness';
import { downloadBlob } from '../../export/download';
import { PROJECTOR_COLORS } from '../../theme';
import { drawMapsAt } from '../shared/deck-map';

/** Resolves once no query or map redraw is pending (the slide shows its data). */
export function whenSettled(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (pendingWork() !== 0) return;
      stop();
      // One more frame so React has painted what the last result changed.
      requestAnimationFrame(() => resolve());
    };
    const stop = subscribeWork(check);
    check();
  });
}

/**
 * The slide as one picture at `scale`: its maps are first redrawn at that pixel ratio (the MapLibre base map
 * and the deck.gl canvas above it), then base map, arcs, title, panels, legend and footer are composed in one
 * image from the slide's own elements (an SVG of them, each canvas as a bitmap, the app's fonts embedded).
 */
export async function slideCanvas(node: HTMLElement, scale: number): Promise<HTMLCanvasElement> {
  await whenSettled();
  await drawMapsAt(node, scale);
  try {
    return await toCanvas(node, { pixelRatio: scale, backgroundColor: PROJECTOR_COLORS.background, cacheBust: false });
  } finally {
    await drawMapsAt(node, window.devicePixelRatio || 1);
  }
}

export async function exportSlidePng(node: HTMLElement, scale: number, filename: string): Promise<void> {
  const canvas = await slideCanvas(node, scale);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) downloadBlob(filename, blob);
}

/** PDF pages are drawn from 2× slide images: sharp on paper, a few hundred kB a page as JPEG. */
const PDF_SCALE = 2;
const PDF_JPEG_QUALITY = 0.9;

/**
 * The whole briefing, one slide a page: each slide is shown in turn, waited for, drawn as at 2× and placed
 * on a page of the slide's proportions; the presenter returns to the slide it was on.
 */
export async function exportBriefingPdf(
  total: number,
  current: number,
  go: (slide: number) => void,
  frame: () => HTMLElement,
  filename: string,
): Promise<void> {
  const { jsPDF } = await import('jspdf');
  let pdf: InstanceType<typeof jsPDF> | undefined;
  try {
    for (let n = 1; n <= total; n++) {
      go(n);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const canvas = await slideCanvas(frame(), PDF_SCALE);
      const [width, height] = [canvas.width / PDF_SCALE, canvas.height / PDF_SCALE];
      const orientation = width >= height ? 'landscape' : 'portrait';
      if (!pdf) pdf = new jsPDF({ orientation, unit: 'px', format: [width, height], hotfixes: ['px_scaling'], compress: true });
      else pdf.addPage([width, height], orientation);
      pdf.addImage(canvas.toDataURL('image/jpeg', PDF_JPEG_QUALITY), 'JPEG', 0, 0, width, height);
    }
    if (pdf) downloadBlob(filename, pdf.output('blob'));
  } finally {
    go(current);
  }
}
