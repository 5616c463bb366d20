import { serverEnv } from "@/lib/env";
import { ClientApplicationForm, type ApplicationFormProps } from "./application-steps";

/**
 * The application form (components/apply/application-steps.tsx). This server part only hands it the
 * rota's time zone, which lives in the server environment, for the night-time next-morning offer.
 */
export function ApplicationForm(props: Omit<ApplicationFormProps, "nightTimeZone">) {
  return <ClientApplicationForm {...props} nightTimeZone={serverEnv().ROTA_TIME_ZONE} />;
}
