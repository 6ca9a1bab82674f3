export default {
  title: '登录',
  subtitle: '问题直办督办系统',
  username: '用户名',
  password: '密码',
  submit: '登录',
  demoAccounts: '演示账号',
  demoHint: '点击账号即可填入用户名和密码',
  fill: '填入 {name}',
};
