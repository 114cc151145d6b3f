export type { Metainfo, MetainfoFile } from './Metainfo.ts';
export { MetainfoError } from './MetainfoError.ts';
export { parseMetainfo } from './parseMetainfo.ts';
