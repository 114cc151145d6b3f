/** A setting that cannot take the value given; the message is meant for the user. */
export class SettingsError extends Error {
  /** The dot path of the setting, e.g. "connection.listening_port". */
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.name = 'SettingsError';
    this.path = path;
  }
}
