import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundPage } from "@/components/locale/not-found-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("notFound") };
}

export default function NotFound() {
  return <NotFoundPage back="/" />;
}
