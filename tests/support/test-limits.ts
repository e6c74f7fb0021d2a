/** The per-file upload limit the test server runs with (small, so oversized uploads stay fast). */
export const TEST_MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
