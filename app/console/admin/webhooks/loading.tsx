export { default } from "@/app/console/admin/loading";
