# Sagslab for production: the app built in the image, run as an unprivileged user.
# docker build -t sagslab .   ·   docker compose up   (see README.md, "Deployment")

# 1. Dependencies, exactly as the lockfile names them. Development tools (test runners, linters,
#    the HTML checker) are not needed to build or run the app and stay out. The install applies
#    patches/ to Remix's route matching (postinstall, patch-package; docs/decisions/0023).
FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund

# 2. The build: the Remix bundle and the course compiled from content/ (MDX, never at request time).
FROM dependencies AS build
COPY . .
RUN npm run build

# 3. What runs: Node, the dependencies, the build, and the files the server and the operator's
#    scripts (npm run user:create, db:prepare) read. Owned by root, so the app cannot change itself.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY package.json package-lock.json tsconfig.json remix.config.js remix.env.d.ts ./
COPY server ./server
COPY app ./app
COPY db ./db
COPY scripts ./scripts
COPY content ./content
# Only for the embedded database (no DATABASE_URL): a folder the unprivileged user may write.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# /healthz answers 200 when the database answers, 503 when it does not.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself (not npm) is PID 1 and receives SIGTERM: it stops accepting, lets requests in flight
# finish for up to 10 s and closes the database (compose gives it 15 s before SIGKILL).
CMD ["node", "server/index.js"]
