import type { Metadata, Viewport } from "next";
import "./globals.css";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = {
  title: { default: "Suara — Survei Kepuasan Masyarakat", template: "%s · Suara" },
  description: "Survei Kepuasan Masyarakat (IKM) sesuai PermenPANRB 14/2017 untuk unit pelayanan publik.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
