ALTER TABLE "clinics" ALTER COLUMN "time_zone" DROP DEFAULT;--> statement-breakpoint
-- Existing clinics were created for the UK (the zone defaulted to Europe/London): their emergency numbers stay the UK's until a manager changes the country.
ALTER TABLE "clinics" ADD COLUMN "country" text NOT NULL DEFAULT 'GB';--> statement-breakpoint
ALTER TABLE "clinics" ALTER COLUMN "country" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_country_known" CHECK ("clinics"."country" in ('GB', 'IE', 'US', 'CA', 'AU', 'NZ', 'DE', 'EU'));--> statement-breakpoint
-- Nobody could choose their own zone before: accounts were given a copy of a zone. A copy equal to the clinic's becomes "follow the clinic", so a change in Manager -> Settings reaches them.
UPDATE "users" SET "time_zone" = NULL FROM "clinics" WHERE "clinics"."id" = "users"."clinic_id" AND "users"."time_zone" = "clinics"."time_zone";
