// The operator's command: run with node --import tsx (npm run package -- …).
import { main } from '../src/cli';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
