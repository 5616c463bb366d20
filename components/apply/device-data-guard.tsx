"use client";

import { useEffect } from "react";
import { clearDeviceData } from "./device-data";

/**
 * In the portal: another account's drafts (someone before on this computer whose session ran out)
 * are removed, and on a shared computer everything the app would keep is.
 */
export function DeviceDataGuard({ userId, sharedDevice }: { userId: string; sharedDevice: boolean }) {
  useEffect(() => {
    clearDeviceData(sharedDevice ? null : userId);
  }, [userId, sharedDevice]);
  return null;
}
