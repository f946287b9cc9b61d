// What the explorer adds to the page's window, for `tsc --checkJs`.

interface Window {
  /** The network and the state, for tests and for curious readers in the browser console. */
  explorer: object;
}
