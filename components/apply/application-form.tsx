import { serverEnv } from "@/lib/env";
import { findDayShiftStarts } from "@/lib/rota/day-shift-data";
import { ClientApplicationForm, type ApplicationFormProps } from "./application-steps";

/**
 * The application form (components/apply/application-steps.tsx). This server part hands it the
 * rota's time zone and day-shift starts, which live on the server, for the night-time offer: the
 * form shows the same start time the server stores (decision 035).
 */
export async function ApplicationForm(props: Omit<ApplicationFormProps, "night">) {
  const dayShifts = await findDayShiftStarts();
  return <ClientApplicationForm {...props} night={{ timeZone: serverEnv().ROTA_TIME_ZONE, dayShifts }} />;
}
