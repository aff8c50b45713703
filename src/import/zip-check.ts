import { ImportError } from './validate';

/**
 * An .xlsx workbook is a zip archive, and the spreadsheet reader can loop for minutes on a damaged one.
 * Before it sees the bytes, every entry is checked: the directory is consistent, each entry inflates
 * (with the platform's own decompressor) to its stated size and CRC-32, and the whole stays under a
 * size limit. Random damage fails these checks; only an intact workbook reaches the reader.
 */
const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const damaged = (why: string) => new ImportError(`The Excel file is damaged (${why}); save it again from Excel or export it as CSV`);

export async function checkZip(bytes: Uint8Array): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged('its directory is missing');
  const entries = u16(eocd + 10);
  const directorySize = u32(eocd + 12);
  const directoryStart = u32(eocd + 16);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== entries || entries === 0 || directoryStart + directorySize !== eocd)
    throw damaged('its directory does not add up');
  let at = directoryStart;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL) throw damaged(`entry ${i + 1} is not where the directory says`);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (local + 30 > directoryStart || u32(local) !== LOCAL || u16(local + 26) !== nameLength)
      throw damaged(`entry ${i + 1} has no valid header`);
    const start = local + 30 + nameLength + u16(local + 28);
    if (start + compressed > directoryStart) throw damaged(`entry ${i + 1} runs past the end`);
    total += size;
    if (total > MAX_UNCOMPRESSED_BYTES) throw new ImportError('The Excel file unpacks to more than 1 GB; export the register as CSV');
    const data = bytes.subarray(start, start + compressed);
    let content: Uint8Array;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = await inflateRaw(data);
      } catch {
        throw damaged(`entry ${i + 1} does not unpack`);
      }
    } else throw damaged(`entry ${i + 1} uses an unknown compression`);
    if (content.length !== size || crc32(content) !== crc) throw damaged(`entry ${i + 1} fails its checksum`);
  }
  if (at !== eocd) throw damaged('its directory does not add up');
}
