import createNextIntlPlugin from "next-intl/plugin";

// Messages and the reader's locale: lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds, and says so with
  // SUARA_TYPECHECKED=1: the build need not check the same files again. Every other build does.
  typescript: { ignoreBuildErrors: process.env.SUARA_TYPECHECKED === "1" },
  reactStrictMode: true,
  // Native or WebAssembly packages that must stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg", "exceljs", "pg-boss", "nodemailer", "pdfkit"],
  experimental: {
    // A plan form attaches up to 20 MiB of files (lib/attachments/sniff.ts). Both limits equal
    // UPLOAD_BODY_LIMIT_BYTES in lib/request/body-limit.ts (21 MiB; a unit test holds them
    // together): the proxy answers 413 above 1 MB on every other path before Next reads a byte.
    // proxyClientMaxBodySize matters: above it (10 MB by default) Next silently truncates the
    // body it hands on after the proxy ran, and the upload arrives cut.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
};

export default withNextIntl(nextConfig);
