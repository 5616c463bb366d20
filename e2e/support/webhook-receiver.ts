// For end-to-end tests: a local receiver of the app's webhooks that checks their signatures.
export {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from "@/lib/testing/webhook-receiver";
