// What the black-box e2e suites need to start a real server in-process.
export { createApp } from './create-app';
export { loadConfig } from './config/app-config';
export type { AppConfig } from './config/app-config';
