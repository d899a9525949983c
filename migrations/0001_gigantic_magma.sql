PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`customer_id` text,
	`client_id` text NOT NULL,
	`score` integer NOT NULL,
	`category` text NOT NULL,
	`comment` text,
	`channel` text NOT NULL,
	`locale` text,
	`page_url` text,
	`referrer` text,
	`device` text,
	`properties` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responses_score_range" CHECK("__new_responses"."score" BETWEEN 0 AND 10)
);
--> statement-breakpoint
INSERT INTO `__new_responses`("id", "tenant_id", "survey_id", "customer_id", "client_id", "score", "category", "comment", "channel", "locale", "page_url", "referrer", "device", "properties", "created_at", "updated_at") SELECT "id", "tenant_id", "survey_id", "customer_id", "client_id", "score", "category", "comment", "channel", "locale", "page_url", "referrer", "device", "properties", "created_at", "updated_at" FROM `responses`;--> statement-breakpoint
DROP TABLE `responses`;--> statement-breakpoint
ALTER TABLE `__new_responses` RENAME TO `responses`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `responses_tenant_client_unique` ON `responses` (`tenant_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `responses_tenant_created_idx` ON `responses` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `responses_tenant_survey_created_idx` ON `responses` (`tenant_id`,`survey_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `responses_tenant_customer_idx` ON `responses` (`tenant_id`,`customer_id`);