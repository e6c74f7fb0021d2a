/** The METRICS_TOKEN of the shared test web server. */
export const TEST_METRICS_TOKEN = "test-metrics-token-0123456789";
