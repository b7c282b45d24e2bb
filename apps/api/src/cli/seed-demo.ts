/**
 * Loads the demo data set (used by `npm start`): 15 centres, their front desks, 300 clinicians
 * with weekly schedules, 200 patients and five weeks of appointments, then the clinicians'
 * directory rows. Idempotent: rows have fixed ids and are only inserted when missing, so a
 * restart never duplicates or overwrites anything (and takes a moment: one marker row is read).
 * Usage: node dist/apps/api/src/cli/seed-demo.js
 */
import 'reflect-metadata';
import { loadConfig, loadDotEnv } from '@carebook/core';
import { NestFactory } from '@nestjs/core';
import { DemoSeedModule } from '../demo/demo-seed.module';
import { DEMO_LOGINS, seedDemo } from '../demo/seed-demo';

async function main(): Promise<void> {
  process.title = 'carebook-seed';
  loadDotEnv();
  // Demo staff share a published password: never in production.
  if (loadConfig().app.nodeEnv === 'production') {
    console.log('demo data: not loaded (NODE_ENV=production)');
    return;
  }
  const app = await NestFactory.createApplicationContext(DemoSeedModule.forRoot(), { logger: ['error', 'warn'] });
  try {
    const report = await seedDemo(app);
    for (const line of report.lines) console.log(`demo ${line}`);
    const { password, frontDesk, clinician, patient } = DEMO_LOGINS;
    console.log(
      `demo staff sign-in, password ${password}: front desk ${frontDesk[0]} (each centre has desk.<area>, ` +
        `e.g. ${frontDesk[4]}), clinician ${clinician}`,
    );
    console.log(
      `demo patient ${patient.fullName}, phone ${patient.phone}: POST /api/v1/patient-auth/send-otp, ` +
        `then read the code at /api/v1/dev/messages?to=${encodeURIComponent(patient.phone)}`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  console.error(`demo data failed: ${error.message}`);
  process.exit(1);
});
