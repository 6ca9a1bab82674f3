// End-to-end tests need real servers; `npm test` starts local ones when the URLs are not given.
export default function globalSetup(): void {
  for (const name of ['DATABASE_URL', 'REDIS_URL']) {
    if (!process.env[name]) {
      throw new Error(
        `${name} is not set: run the tests with \`npm test\`, which starts PostgreSQL and Redis if needed`,
      );
    }
  }
}
