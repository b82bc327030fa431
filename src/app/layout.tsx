import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { formCameBackWithErrors } from "@/server/form-errors-title";
import "./globals.css";

const SITE: Metadata = {
  description: "Commissioning health services for children in custody, together with young people.",
  // A private portal: kept out of search engines here and in public/robots.txt.
  robots: { index: false, follow: false },
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export async function generateMetadata(): Promise<Metadata> {
  // A form posted without JavaScript that came back with errors: every title starts "Error: ".
  const error = (await formCameBackWithErrors()) ? "Error: " : "";
  return { ...SITE, title: { default: `${error}CoCommission`, template: `${error}%s – CoCommission` } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#005eb8" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so Next.js can put this request's CSP
  // nonce (src/proxy.ts) on its scripts; a prerendered page would have none.
  await connection();
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans text-base leading-normal md:text-lg">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-yellow-400 focus:p-2"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
