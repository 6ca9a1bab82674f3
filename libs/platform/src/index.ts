export { AppConfig, ConfigError, loadConfig, loadConfigOrExit } from './config/app-config';
export { APP_CONFIG, PlatformModule } from './platform.module';
export { exitCleanlyOnSignals } from './shutdown';
