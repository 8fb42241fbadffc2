# syntax=docker/dockerfile:1
# One image for every crimestats service; docker-compose.yml picks the entry point per service.
# TypeScript runs through tsx, as in development, so there is no separate build output to drift.

FROM node:20-bookworm-slim AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@9.15.9
WORKDIR /app

# Dependencies resolved from the lockfile alone, so source edits do not re-download them.
FROM base AS deps
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch

FROM deps AS build
COPY . .
# The embedded engine (chDB, ~540 MB) is single-machine mode's; the services use a ClickHouse server.
RUN pnpm install --offline --frozen-lockfile --no-optional

FROM base AS runtime
COPY --from=build /app /app
ENV NODE_ENV=production HOST=0.0.0.0
USER node
# Every service answers /healthz on its PORT.
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "services/reporting/src/main.ts"]
