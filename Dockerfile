# lendcore: build with dev dependencies, run with production ones only.
FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` would build before the sources are copied; scripts are skipped here and the one
# native module that needs its install script (better-sqlite3) is rebuilt explicitly.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
COPY scripts ./scripts
COPY bin ./bin
COPY web ./web
RUN npm run build && npm prune --omit=dev

# Same Debian release as node:20, so the better-sqlite3 binary built above loads here.
FROM node:20-slim
# MALLOC_ARENA_MAX and CMD's --max-semi-space-size: the server's memory settings (src/runtime/server-heap.ts; README, Benchmarks).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LENDCORE_DATA_DIR=/data MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:3000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--max-semi-space-size=8", "dist/src/cli/main.js", "serve"]
