export { LibraryError } from './LibraryError.ts';
export { type LibraryEntry, type LoadResult, TorrentLibrary } from './TorrentLibrary.ts';
