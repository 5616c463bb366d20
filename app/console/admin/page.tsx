import { redirect } from "next/navigation";
import { requireArea } from "@/lib/auth/session";

export default async function AdminPage() {
  await requireArea("admin", "/console/admin");
  redirect("/console/admin/staff");
}
