/** A torrent that cannot be added, loaded or removed; the message is meant for the user. */
export class LibraryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}
