export {
  AppConfig,
  ChannelsConfig,
  ConfigError,
  RedisNode,
  loadConfig,
  loadConfigOrExit,
  PUBLISHED_SECRETS,
} from './config/app-config';
export { APP_CONFIG, PlatformModule } from './platform.module';
export { exitCleanlyOnSignals } from './shutdown';
export { loggerParams } from './logging';
