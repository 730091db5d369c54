/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WebAssembly packages that must stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg", "exceljs"],
};

export default nextConfig;
