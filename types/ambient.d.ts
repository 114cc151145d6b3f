// Modules and globals that esbuild provides at bundle time.

declare module '*.ui' {
  const xml: string;
  export default xml;
}

declare module '*.css' {
  const css: string;
  export default css;
}

/** Set by the meson build to the installed locations; `undefined` when run from the source tree. */
declare const __PKGDATADIR__: string | undefined;
declare const __LOCALEDIR__: string | undefined;
declare const __VERSION__: string;

declare module 'bencode' {
  type BencodeValue = number | Uint8Array | BencodeValue[] | { [key: string]: BencodeValue };
  const bencode: {
    encode(value: unknown): Uint8Array;
    decode(data: Uint8Array, start?: number, end?: number): BencodeValue;
    byteLength(value: unknown): number;
    encodingLength(value: unknown): number;
  };
  export default bencode;
}

/** The remote web page's GResource, compiled by tools/build.mjs (web/ → glib-compile-resources). */
declare module 'dfs:remote-web-resource' {
  const bytes: Uint8Array;
  export default bytes;
}

/** libsecret, loaded with a dynamic import where its typelib is installed (SecretKeyring types it). */
declare module 'gi://Secret?version=1' {
  const Secret: unknown;
  export default Secret;
}
