import { ClientMessages } from "@/components/locale/client-messages";

// Sign-in: a shell only; the page decides what to show.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
