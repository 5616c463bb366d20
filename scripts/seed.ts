import path from "node:path";
import { loadSecrets } from "./lib/secrets";
import { runSeed } from "./lib/seed-runner";

// `npm run db:seed` against DATABASE_URL (npm start seeds by itself).
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
runSeed(url, loadSecrets(path.resolve(".data")).ID_HASH_KEY).then(
  () => console.log("Demo data is in place."),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
