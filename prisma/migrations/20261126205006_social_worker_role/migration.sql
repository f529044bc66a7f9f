-- A staff role for social workers, whom tenants name as helpers (mandates).
ALTER TYPE "StaffRole" ADD VALUE 'SOCIAL_WORKER';
