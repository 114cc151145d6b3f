import GObject from 'gi://GObject';

/** The proxy password as TrackerNetwork sees it (SettingsStore.proxyPassword), held in memory. */
export class MemoryPassword extends GObject.Object {
  static {
    GObject.registerClass({ GTypeName: 'DfsTestMemoryPassword', Signals: { changed: {} } }, this);
  }

  value = '';
  readonly ready = Promise.resolve();

  change(value: string): void {
    this.value = value;
    (this as unknown as { emit(signal: string): void }).emit('changed');
  }
}
