export default {
  title: 'Log in',
  subtitle: 'Direct-handling supervision',
  username: 'Username',
  password: 'Password',
  submit: 'Log in',
  demoAccounts: 'Demo accounts',
  demoHint: 'Pick an account to fill in its username and password',
  fill: 'Fill in {name}',
};
