/** Probe paths, shared by the health controller, Docker/Kubernetes manifests (checked by a test) and the e2e harness. */
export const HEALTH_LIVE_PATH = '/health/live';
export const HEALTH_READY_PATH = '/health/ready';
