CREATE TABLE `loyalty_member_secrets` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `responses` ADD `sentiment` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `sentiment_score` real;--> statement-breakpoint
ALTER TABLE `responses` ADD `topics` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_tenant_sentiment_created_idx` ON `responses` (`tenant_id`,`sentiment`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `alert_recipients` text DEFAULT '[]' NOT NULL;