/** The vitsnap version recorded in every snapshot; kept equal to package.json by a test. */
export const VERSION = '0.1.0';
