import GObject from 'gi://GObject';

/** One tracker host of the sidebar: how many torrents announce to it (notifying). */
export class TrackerHostCount extends GObject.Object {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsTrackerHostCount',
        Properties: {
          host: GObject.ParamSpec.string('host', '', '', GObject.ParamFlags.READWRITE, ''),
          count: GObject.ParamSpec.int('count', '', '', GObject.ParamFlags.READWRITE, 0, 2147483647, 0),
        },
      },
      this,
    );
  }

  declare host: string;
  declare count: number;

  constructor(host: string) {
    super();
    this.host = host;
  }
}
