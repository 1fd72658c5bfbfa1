CREATE TABLE "account_closures" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"retain_until" timestamp with time zone NOT NULL,
	CONSTRAINT "account_closures_retain_after_close" CHECK ("account_closures"."retain_until" > "account_closures"."closed_at")
);
--> statement-breakpoint
CREATE TABLE "invitation_queue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"import_id" uuid,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid
);
--> statement-breakpoint
CREATE TABLE "patient_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"imported_by" uuid,
	"file_sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_count" integer NOT NULL,
	"skipped_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "contact_address" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "retention_years" smallint DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "account_closures" ADD CONSTRAINT "account_closures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_closures" ADD CONSTRAINT "account_closures_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_closures" ADD CONSTRAINT "account_closures_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_queue" ADD CONSTRAINT "invitation_queue_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_queue" ADD CONSTRAINT "invitation_queue_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_queue" ADD CONSTRAINT "invitation_queue_import_id_patient_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."patient_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_queue" ADD CONSTRAINT "invitation_queue_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD CONSTRAINT "patient_imports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD CONSTRAINT "patient_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_closures_retain_until_idx" ON "account_closures" USING btree ("retain_until");--> statement-breakpoint
CREATE UNIQUE INDEX "invitation_queue_user_unique" ON "invitation_queue" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "invitation_queue_clinic_idx" ON "invitation_queue" USING btree ("clinic_id","issued_at");--> statement-breakpoint
CREATE INDEX "patient_imports_clinic_idx" ON "patient_imports" USING btree ("clinic_id","created_at");--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_retention_years_range" CHECK ("clinics"."retention_years" between 1 and 100);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_contact_phone_length" CHECK ("clinics"."contact_phone" is null or char_length("clinics"."contact_phone") <= 40);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_contact_email_length" CHECK ("clinics"."contact_email" is null or char_length("clinics"."contact_email") <= 254);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_contact_address_length" CHECK ("clinics"."contact_address" is null or char_length("clinics"."contact_address") <= 300);