// Stands in for @prisma/dev, which prisma's CLI needs only for `prisma dev` (Node >= 22.5;
// Suara starts its embedded PostgreSQL with `npm start` instead). The CLI also asks it
// whether a localhost database URL is a running `prisma dev` server: never, here.
"use strict";

const unavailable = () => {
  throw new Error("`prisma dev` is not part of Suara: `npm start` runs an embedded PostgreSQL (see README).");
};

exports.ServerState = {
  scan: async () => [],
  fromServerDump: async () => null,
  createExclusively: unavailable,
};
exports.startPrismaDevServer = unavailable;
exports.unstable_startServer = unavailable;
