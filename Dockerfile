# syntax=docker/dockerfile:1
# backend-mentor: a multi-stage image on the current Node.js LTS.
# CI has no Docker engine: scripts/dockerfile-smoke.mjs runs these same steps (install, build,
# prune, start, probe /healthz) on every CI run, so a broken Dockerfile fails CI.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
ENV OPS_PORT=9100
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/knowledge ./knowledge
USER node
EXPOSE 3000 9100
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.OPS_PORT || 9100) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The bot (the same flags as `npm start`: a small young generation keeps RSS low for a mostly idle
# chat bot); the worker service of docker-compose.yml runs dist/worker.js instead.
CMD ["node", "--max-semi-space-size=8", "dist/main.js"]
