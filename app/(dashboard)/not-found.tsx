import { getTranslations } from "next-intl/server";
import { NotFoundPage } from "@/components/locale/not-found-page";

// Inside the staff shell (header and navigation stay): a unit outside the caller's
// scope answers exactly like one that does not exist.
export default async function StaffNotFound() {
  return <NotFoundPage back="/dasbor" backLabel={(await getTranslations("notFound"))("dashboard")} />;
}
