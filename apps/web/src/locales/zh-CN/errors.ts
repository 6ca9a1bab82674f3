export default {
  forbidden: {
    title: '无权访问',
    description: '您的角色不能访问此页面。',
  },
  notFound: {
    title: '页面不存在',
    description: '您要找的页面不存在或已被移走。',
  },
  home: '返回首页',
  network: '无法连接到服务，请检查网络后重试。',
  field: '字段“{field}”：{message}',
  conflict: {
    title: '该事项已被他人更新',
    description: '您看到的不是最新内容，请重新加载后再操作。',
    reload: '重新加载',
  },
  sessionExpired: '登录已失效，请重新登录。',
};
