import createNextIntlPlugin from "next-intl/plugin";

// Messages and the reader's locale: lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WebAssembly packages that must stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg", "exceljs", "pg-boss", "nodemailer"],
};

export default withNextIntl(nextConfig);
