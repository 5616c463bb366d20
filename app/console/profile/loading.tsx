export { default } from "@/app/console/loading";
