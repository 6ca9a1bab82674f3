export default {
  forbidden: {
    title: 'Not allowed',
    description: 'Your role may not open this page.',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you asked for does not exist or has moved.',
  },
  home: 'Go to my start page',
  network: 'Cannot reach the service. Check the connection and try again.',
  field: 'Field “{field}”: {message}',
  conflict: {
    title: 'Someone else changed this issue',
    description: 'What you see is out of date. Reload it, then try again.',
    reload: 'Reload',
  },
  sessionExpired: 'Your session has ended. Please log in again.',
};
