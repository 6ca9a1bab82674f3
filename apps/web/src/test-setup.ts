import { config } from '@vue/test-utils';
import { i18n } from '@/locales';

// Component tests render with the app's own messages (zh-CN), as users see them.
config.global.plugins = [i18n];
